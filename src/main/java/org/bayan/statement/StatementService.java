package org.bayan.statement;

import org.bayan.user.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bayan.user.AuditTrail;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.Section;
import org.bayan.tag.Tag;
import org.bayan.user.Policy;
import org.bayan.user.Staff;
import org.bayan.user.User;

/**
 * Every change to a statement: one method, one transaction, checked against {@link Policy},
 * written to a new {@link Revision} and to the audit log together with the change itself.
 */
public final class StatementService {

    /** What a press of the editor's buttons asks for. */
    public enum Action { SAVE, SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, TRASH, RESTORE }

    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 100;
    static final int MAX_ATTACHMENTS = 20;

    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    private final List<String> languages;
    private final String contextPath;

    /** A service for a site in English, Arabic and Turkish (the default). */
    public StatementService(Transactions tx, AuditTrail audit, Clock clock, ZoneId zone) {
        this(tx, audit, clock, zone, org.bayan.platform.config.Languages.SUPPORTED);
    }

    /** @param languages the site's languages, the default first: a statement is in one of them */
    public StatementService(Transactions tx, AuditTrail audit, Clock clock, ZoneId zone, List<String> languages) {
        this(tx, audit, clock, zone, languages, "");
    }

    /** @param contextPath where the site is deployed ("" or "/bayan"): the body's photos are addressed below it */
    public StatementService(Transactions tx, AuditTrail audit, Clock clock, ZoneId zone, List<String> languages,
                            String contextPath) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.languages = List.copyOf(languages);
        this.contextPath = contextPath;
    }

    /**
     * Starts the translation of a statement into another language: a draft in that language, in
     * the same translation set, section and time, with the original's title to be translated,
     * the tags that have a counterpart in that language, and the language's own source line.
     * Refused if the set already has a statement in that language. Returns the draft's id.
     *
     * @param source the source line in that language (the site's default for it)
     */
    public long translate(Staff who, Actor actor, long id, String language, String source) {
        requireLanguage(language);
        return tx.inTransaction(em -> {
            Statement original = find(em, id);
            if (original.getStatus() == Status.TRASHED) {
                throw new InvalidInput("language", "statement.translate.trashed");
            }
            if (original.getLanguage().equals(language)) {
                throw new InvalidInput("language", "statement.translate.sameLanguage");
            }
            long set = original.translationSetId();
            if (inSet(em, set, language).isPresent()) {
                throw new InvalidInput("language", "statement.translate.exists");
            }
            User author = em.find(User.class, who.id());
            Statement t = new Statement(original.getTitle(), uniqueSlug(em, original.getSlug(), language, null), "",
                    original.getSection(), author, clock.instant());
            t.setLanguage(language);
            t.setSource(source);
            if (original.getPublishedAt() != null) {
                t.schedule(original.getPublishedAt(), zone);
            }
            for (Tag tag : original.getTags()) {
                counterpart(em, tag, language).ifPresent(t.getTags()::add);
            }
            original.joinTranslationSet(set);
            t.joinTranslationSet(set);
            em.persist(t);
            em.flush();
            keepRevision(em, t, author, "translation of #" + id + " started");
            audit.record(em, actor, "statement.translationStarted", "statement", t.getId(),
                    language + " ← #" + id + " " + original.getTitle());
            return t.getId();
        });
    }

    /** The statement of a translation set in a language, if it has one. */
    private static java.util.Optional<Long> inSet(EntityManager em, long set, String language) {
        return em.createQuery("select s.id from Statement s where " + StatementRepository.IN_SET
                        + " and s.language = :language", Long.class)
                .setParameter("set", set).setParameter("language", language).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The same topic's tag in another language, if staff have named it there. */
    private static java.util.Optional<Tag> counterpart(EntityManager em, Tag tag, String language) {
        if (tag.getCounterparts() == null) {
            return java.util.Optional.empty();
        }
        return em.createQuery("select t from Tag t where t.counterparts = :set and t.language = :language", Tag.class)
                .setParameter("set", tag.getCounterparts()).setParameter("language", language)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private void requireLanguage(String language) {
        if (language == null || !languages.contains(language)) {
            throw new InvalidInput("language", "statement.language.invalid");
        }
    }

    /** Writes a new statement, owned by its writer; returns its id. */
    public long create(Staff who, Actor actor, StatementForm form, Action action) {
        return createShowingChanges(who, actor, form, action).id();
    }

    /** {@link #create}, also naming the public pages the new statement changed. */
    public Created createShowingChanges(Staff who, Actor actor, StatementForm form, Action action) {
        if (action == Action.TRASH || action == Action.RESTORE || action == Action.UNPUBLISH) {
            throw new InvalidInput("action", "statement.action.invalid");
        }
        return onceMoreIfATagWasJustCreated(() -> tx.inTransaction(em -> {
            User author = em.find(User.class, who.id());
            Statement s = new Statement("", "", "", section(em, form.sectionId()), author, clock.instant());
            s.setLanguage(languages.get(0));
            StatementDesk.Permissions can = StatementDesk.Permissions.forNew(who);
            apply(em, s, form);
            em.persist(s);
            String note = transition(who, s, action, form, can);
            requireAltWhenPublic(s);
            em.flush();
            keepRevision(em, s, author, note);
            audit.record(em, actor, "statement.created", "statement", s.getId(), s.getTitle());
            if (action != Action.SAVE) {
                audit.record(em, actor, "statement." + note, "statement", s.getId(), s.getTitle());
            }
            return new Created(s.getId(), PageKeys.touchedBy(em, s, clock.instant()));
        }));
    }

    /**
     * Where a save left the statement. {@code heldBack}: restored from the trash as a draft though
     * it was published or scheduled before, because this staff member may not publish.
     */
    public record Saved(String title, Status status, Instant publishedAt, boolean live, boolean heldBack,
                        java.util.Set<String> changedPages) {
    }

    /** A statement just written, and the public pages it changed (see {@link PageKeys}): none unless it went live. */
    public record Created(long id, java.util.Set<String> changedPages) {
    }

    /** Saves the editor's form over a statement and carries out the button pressed. */
    public Saved save(Staff who, Actor actor, long id, StatementForm form, Action action) {
        try {
            return onceMoreIfATagWasJustCreated(() -> tx.inTransaction(em -> {
                Statement s = find(em, id);
                if (form.version() == null || form.version() != s.getVersion()) {
                    throw new EditConflict(form, StatementDesk.snapshot(em, s, 0, null));
                }
                StatementDesk.Permissions can = StatementDesk.Permissions.of(who, s, clock.instant());
                // The pages it is on as it stands, then those it is on once changed: both purged.
                java.util.Set<String> changed = new java.util.LinkedHashSet<>(PageKeys.touchedBy(em, s, clock.instant()));
                boolean heldBack = false;
                if (action == Action.RESTORE) {
                    Policy.require(Policy.canTrash(who), "restore statements");
                    require(can.restore());
                    Status before = statusBeforeTrash(em, s);
                    heldBack = Status.RELEASED.contains(before) && !Policy.canPublish(who);
                    s.setStatus(heldBack ? Status.DRAFT : before);
                } else if (action == Action.TRASH) {
                    Policy.require(Policy.canTrash(who), "trash statements");
                    require(can.trash());
                    s.setStatus(Status.TRASHED);
                } else {
                    Policy.require(StatementPolicy.canEdit(who, s), "edit this statement");
                    apply(em, s, form);
                    transition(who, s, action, form, can);
                }
                requireAltWhenPublic(s);
                User by = em.find(User.class, who.id());
                s.touch(by, clock.instant());
                em.flush();
                String note = switch (action) {
                    case SAVE -> "saved";
                    case SUBMIT -> "submitted";
                    case PUBLISH -> "published";
                    case SCHEDULE -> "scheduled";
                    case UNPUBLISH -> "unpublished";
                    case TRASH -> "trashed";
                    case RESTORE -> "restored";
                };
                keepRevision(em, s, by, note);
                audit.record(em, actor, "statement." + note, "statement", s.getId(), s.getTitle());
                changed.addAll(PageKeys.touchedBy(em, s, clock.instant()));
                return new Saved(s.getTitle(), s.getStatus(), s.getPublishedAt(), s.isPublicAt(clock.instant()), heldBack,
                        java.util.Set.copyOf(changed));
            }));
        } catch (OptimisticLockException e) {
            // Saved by someone else between our read and our write: the same conflict.
            throw new EditConflict(form, tx.inTransaction(em -> StatementDesk.snapshot(em, find(em, id), 0, null)));
        }
    }

    /** Puts a revision's fields back; the statement's status stays, and the restore is itself a revision. */
    public void restoreRevision(Staff who, Actor actor, long id, int number) {
        tx.run(em -> {
            Statement s = find(em, id);
            Policy.require(StatementPolicy.canEdit(who, s), "edit this statement");
            Revision r = em.createQuery("select r from Revision r where r.statement.id = :id and r.number = :n", Revision.class)
                    .setParameter("id", id).setParameter("n", number).getResultStream().findFirst()
                    .orElseThrow(() -> new InvalidInput("revision", "revision.notFound"));
            s.setTitle(r.getTitle());
            s.setSlug(uniqueSlug(em, r.getSlug(), s.getLanguage(), id));
            s.setLead(r.getLead());
            s.setBody(r.getBody());
            s.setSource(r.getSource());
            s.setSection(section(em, r.getSectionId()));
            setTags(em, s, r.getTags());
            User by = em.find(User.class, who.id());
            s.touch(by, clock.instant());
            em.flush();
            keepRevision(em, s, by, "restored revision " + number);
            audit.record(em, actor, "statement.revisionRestored", "statement", id, "revision " + number);
        });
    }

    /** Deletes a trashed statement and its revisions for good (admins only). */
    public void deleteForGood(Staff who, Actor actor, long id) {
        tx.run(em -> {
            Policy.require(Policy.canDeleteForGood(who), "delete statements for good");
            Statement s = find(em, id);
            if (s.getStatus() != Status.TRASHED) {
                throw new InvalidInput("action", "statement.deleteNotTrashed");
            }
            em.createQuery("delete from Revision r where r.statement.id = :id").setParameter("id", id).executeUpdate();
            String title = s.getTitle();
            em.remove(s);
            audit.record(em, actor, "statement.deleted", "statement", id, title);
        });
    }

    /**
     * The status a trashed statement had before it went to the trash: that of its latest revision
     * that is not itself in the trash (every save keeps one), or a draft if none says.
     */
    private static Status statusBeforeTrash(EntityManager em, Statement s) {
        return em.createQuery("select r.status from Revision r where r.statement.id = :id and r.status <> :trashed"
                        + " order by r.number desc", Status.class)
                .setParameter("id", s.getId()).setParameter("trashed", Status.TRASHED)
                .setMaxResults(1).getResultStream().findFirst().orElse(Status.DRAFT);
    }

    /** A button the editor does not offer for the statement as it stands (a crafted or stale form). */
    private static void require(boolean offered) {
        if (!offered) {
            throw new InvalidInput("action", "statement.action.invalid");
        }
    }

    /**
     * Applies the button's status change; returns the revision note for it. The role is checked
     * first (403), then whether the statement's status allows the change (400).
     */
    private String transition(Staff who, Statement s, Action action, StatementForm form, StatementDesk.Permissions can) {
        Instant now = clock.instant();
        Instant chosen = form.publishAt() == null ? null : form.publishAt().atZone(zone).toInstant();
        switch (action) {
            case SAVE -> { return "saved"; }
            case SUBMIT -> {
                Policy.require(StatementPolicy.canSubmit(who, s), "submit this statement");
                require(can.submit());
                s.setStatus(Status.IN_REVIEW);
                return "submitted";
            }
            case PUBLISH -> {
                Policy.require(Policy.canPublish(who), "publish");
                require(can.publish());
                // A time in the past backdates the statement; otherwise it goes out now.
                s.schedule(chosen != null && chosen.isBefore(now) ? chosen : now, zone);
                s.setStatus(Status.PUBLISHED);
                return "published";
            }
            case SCHEDULE -> {
                Policy.require(Policy.canPublish(who), "schedule");
                require(can.schedule());
                if (chosen == null || !chosen.isAfter(now)) {
                    throw new InvalidInput("publishAt", "statement.schedule.future");
                }
                s.schedule(chosen, zone);
                s.setStatus(Status.SCHEDULED);
                return "scheduled";
            }
            case UNPUBLISH -> {
                Policy.require(Policy.canPublish(who), "unpublish");
                require(can.unpublish());
                s.setStatus(Status.DRAFT);
                return "unpublished";
            }
            default -> throw new InvalidInput("action", "statement.action.invalid");
        }
    }

    private void apply(EntityManager em, Statement s, StatementForm f) {
        tagNames(f.tags()); // the limits first, before anything is changed or created
        String title = required("title", f.title(), 300);
        String body = BodyVideos.expand(BodyImages.expand(em, BodySanitizer.sanitize(f.body()), contextPath));
        if (body.isBlank()) {
            throw new InvalidInput("body", "field.required");
        }
        if (body.length() > 200_000) {
            throw new InvalidInput("body", "field.tooLong");
        }
        if (f.language() != null && !f.language().equals(s.getLanguage())) {
            requireLanguage(f.language());
            if (s.getId() != null && inSet(em, s.translationSetId(), f.language()).isPresent()) {
                throw new InvalidInput("language", "statement.translate.exists");
            }
            s.setLanguage(f.language());
        }
        s.setTitle(title);
        s.setSlug(uniqueSlug(em, Slugs.of(f.slug() == null || f.slug().isBlank() ? title : f.slug()), s.getLanguage(), s.getId()));
        s.setLead(optional("lead", f.lead(), 2000));
        s.setBody(body);
        s.setSource(optional("source", f.source(), 300));
        s.setSection(section(em, f.sectionId()));
        setTags(em, s, f.tags() == null ? "" : f.tags());
        if (f.media() != null) {
            illustrate(em, s, f.media());
        }
        if (f.details() != null) {
            s.setByline(optional("byline", f.details().byline(), 200));
            s.setDescription(optional("description", f.details().description(), 300));
            s.setFeatured(f.details().featured());
        }
        if (f.publishAt() != null) {
            Instant chosen = f.publishAt().atZone(zone).toInstant();
            // The editor shows the time to the minute: the same minute sent back keeps the stored
            // time, seconds included, so a save does not move a statement back in its feeds and lists.
            Instant stored = s.getPublishedAt();
            if (stored == null || !stored.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(chosen)) {
                s.schedule(chosen, zone);
            }
        }
    }

    /**
     * The featured image and attachments a form names, each a file of the library of the right
     * kind (a photo, a PDF). The image's words are this statement's own; a blank one is none.
     */
    private static void illustrate(EntityManager em, Statement s, StatementForm.Media m) {
        org.bayan.media.Media image = null;
        if (m.imageId() != null) {
            image = em.find(org.bayan.media.Media.class, m.imageId());
            if (image == null || image.getKind() != org.bayan.media.Media.Kind.IMAGE) {
                throw new InvalidInput("imageId", "statement.image.invalid");
            }
        }
        s.illustrate(image, optional("imageAlt", m.imageAlt(), 500), optional("imageCaption", m.imageCaption(), 1000),
                optional("imageCredit", m.imageCredit(), 300));
        if (m.attachments().size() > MAX_ATTACHMENTS) {
            throw new InvalidInput("attachments", "statement.attachments.tooMany");
        }
        List<Attachment> attachments = new java.util.ArrayList<>();
        for (StatementForm.AttachmentForm a : m.attachments()) {
            org.bayan.media.Media doc = em.find(org.bayan.media.Media.class, a.mediaId());
            if (doc == null || doc.getKind() != org.bayan.media.Media.Kind.DOCUMENT) {
                throw new InvalidInput("attachments", "statement.attachments.invalid");
            }
            String title = optional("attachments", a.title(), 300);
            attachments.add(new Attachment(doc, title == null ? doc.getFileName() : title));
        }
        s.getAttachments().clear();
        s.getAttachments().addAll(attachments);
    }

    /** A statement readers can see, or will, has alt text for its image: a reader who cannot see it is told what it shows. */
    private static void requireAltWhenPublic(Statement s) {
        if (s.getImage() != null && s.getImageAlt() == null && Status.RELEASED.contains(s.getStatus())) {
            throw new InvalidInput("imageAlt", "statement.image.altRequired");
        }
    }

    /**
     * The tags a form names, by slug, checked against the limits before anything is read or
     * written: at most {@value #MAX_TAGS}, each at most {@value #MAX_TAG_LENGTH} characters.
     */
    static Map<String, String> tagNames(String names) {
        Map<String, String> wanted = new LinkedHashMap<>();
        if (names == null) return wanted;
        for (String raw : names.split(",")) {
            String name = raw.strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) continue;
            if (name.length() > MAX_TAG_LENGTH) throw new InvalidInput("tags", "tag.tooLong");
            wanted.putIfAbsent(Slugs.of(name), name);
            if (wanted.size() > MAX_TAGS) throw new InvalidInput("tags", "tag.tooMany");
        }
        return wanted;
    }

    /**
     * Runs a unit of work that may create new tags, and runs it once more if it failed because
     * another save created one of the same tags meanwhile (the unique slug): the second run
     * finds the tag. New tags are created inside the statement's own transaction, so a refused
     * or failed save leaves none behind.
     */
    private static <T> T onceMoreIfATagWasJustCreated(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (jakarta.persistence.PersistenceException e) {
            if (!isTagSlugClash(e)) throw e;
            return work.get();
        }
    }

    private static boolean isTagSlugClash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().toLowerCase(java.util.Locale.ROOT).contains("uq_tag_language_slug")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("uq_tag_language_slug")) {
                return true;
            }
        }
        return false;
    }

    private static void setTags(EntityManager em, Statement s, String names) {
        Map<String, String> wanted = tagNames(names);
        s.getTags().clear();
        // A statement's tags are words of its language: an Arabic statement's "روسيا", not "Russia".
        wanted.forEach((slug, name) -> s.getTags().add(
                em.createQuery("select t from Tag t where t.language = :language and t.slug = :slug", Tag.class)
                        .setParameter("language", s.getLanguage()).setParameter("slug", slug)
                        .getResultStream().findFirst().orElseGet(() -> {
                            Tag t = new Tag(name, slug, s.getLanguage());
                            em.persist(t);
                            return t;
                        })));
    }

    /** The slug, or the slug with -2, -3... if another statement in the language already has it. */
    private static String uniqueSlug(EntityManager em, String slug, String language, Long ownId) {
        String candidate = slug;
        for (int n = 2; ; n++) {
            var query = em.createQuery("select s.id from Statement s where s.slug = :slug and s.language = :language"
                    + (ownId == null ? "" : " and s.id <> :id"), Long.class).setParameter("slug", candidate)
                    .setParameter("language", language);
            if (ownId != null) query.setParameter("id", ownId);
            boolean taken = !query.setMaxResults(1).getResultList().isEmpty();
            if (!taken) return candidate;
            String suffix = "-" + n;
            candidate = (slug.length() + suffix.length() > 200 ? slug.substring(0, 200 - suffix.length()) : slug) + suffix;
        }
    }

    private void keepRevision(EntityManager em, Statement s, User by, String note) {
        Integer last = em.createQuery("select max(r.number) from Revision r where r.statement.id = :id", Integer.class)
                .setParameter("id", s.getId()).getSingleResult();
        em.persist(Revision.of(s, last == null ? 1 : last + 1, by, clock.instant(), note));
    }

    private static Section section(EntityManager em, Long id) {
        Section s = id == null ? null : em.find(Section.class, id);
        if (s == null) {
            throw new InvalidInput("sectionId", "statement.section.required");
        }
        return s;
    }

    static Statement find(EntityManager em, long id) {
        Statement s = em.find(Statement.class, id);
        if (s == null) {
            throw new InvalidInput("id", "statement.notFound");
        }
        return s;
    }

    private static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new InvalidInput(field, "field.required");
        }
        return v;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInput(field, "field.tooLong");
        }
        return v;
    }
}
