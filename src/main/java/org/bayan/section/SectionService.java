package org.bayan.section;

import org.bayan.user.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.bayan.user.AuditTrail;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.config.Languages;
import org.bayan.platform.StaleVersion;
import org.bayan.platform.StaleVersion.Field;
import org.bayan.platform.StaleVersion.Text;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.user.Policy;
import org.bayan.user.Staff;

/**
 * Changes to the section tree. Each is one transaction, checked against {@link Policy} and
 * audited with the change; afterwards the cached tree is reloaded, so the public site follows
 * a new name or place at once. A change to one section carries the version its page showed,
 * and is refused ({@link StaleVersion}) if somebody else changed the section since.
 */
public final class SectionService {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 1000;

    /** First segments of the site's own addresses: a top-level section there would hide them or be hidden by them. */
    static final Set<String> RESERVED_TOP_LEVEL = Set.of("admin", "login", "logout", "tag", "static", "webjars",
            "error", "search", "feeds", "sitemap.xml", "robots.txt");

    private final Transactions tx;
    private final Sections sections;
    private final AuditTrail audit;

    public SectionService(Transactions tx, Sections sections, AuditTrail audit) {
        this.tx = tx;
        this.sections = sections;
        this.audit = audit;
    }

    /** Every section in tree order, with how many statements each holds. */
    public List<SectionRow> overview(Staff who) {
        require(who, "manage sections");
        return tx.inTransaction(this::rows);
    }

    /** One section with the sections it could move under (not itself, not its own subsections). */
    public record Detail(SectionRow section, List<SectionRow> parents) {
    }

    public Optional<Detail> detail(Staff who, long id) {
        List<SectionRow> all = overview(who);
        for (int i = 0; i < all.size(); i++) {
            SectionRow section = all.get(i);
            if (section.id() == id) {
                // Tree order: the subsections follow the section, deeper than it.
                int end = i + 1;
                while (end < all.size() && all.get(end).depth() > section.depth()) end++;
                List<SectionRow> parents = new ArrayList<>(all.subList(0, i));
                parents.addAll(all.subList(end, all.size()));
                return Optional.of(new Detail(section, List.copyOf(parents)));
            }
        }
        return Optional.empty();
    }

    /** Adds a section as the last child of its parent (or last at the top level); returns its id. */
    public long create(Staff who, Actor actor, SectionForm form) {
        require(who, "create sections");
        String name = name(form.name());
        String slug = slug(form.slug(), name);
        long id = tx.inTransaction(em -> {
            Section parent = parent(em, form.parentId());
            // A new section has no names of its own in other languages yet: its slug is its address in each.
            checkAddresses(em, parent, null, everyLanguage(slug), defaultLanguage());
            Section s = new Section(parent, slug, name, nextPosition(em, parent));
            em.persist(s);
            audit.record(em, actor, "section.created", "section", s.getId(), name + " (" + path(s) + ")");
            return s.getId();
        });
        sections.reload();
        return id;
    }

    /** Gives a section a new name and slug (from the name when empty); returns its new public path. */
    public String rename(Staff who, Actor actor, long id, Long version, String newName, String newSlug) {
        require(who, "rename sections");
        String name = name(newName);
        String slug = slug(newSlug, name);
        long expected = StaleVersion.expected(version);
        String path = tx.inTransaction(em -> {
            Section s = current(em, id, expected, "sectionAdmin.stale.rename",
                    saved -> new Look(name, slug, saved.parent(), saved.place(), saved.archiveStyle()));
            if (s.getName().equals(name) && s.getSlug().equals(slug)) {
                return path(s);
            }
            // Its address changes in the default language and in each language it has no name of its own in.
            Map<String, String> slugs = slugsOf(em, s, slug);
            slugs.values().removeIf(other -> !other.equals(slug));
            checkAddresses(em, s.getParent(), id, slugs, defaultLanguage());
            String before = s.getName() + " (" + path(s) + ")";
            s.rename(name, slug);
            String after = path(s);
            audit.record(em, actor, "section.renamed", "section", id, before + " → " + name + " (" + after + ")");
            return after;
        });
        sections.reload();
        return path;
    }

    /**
     * Names a section in another of the site's languages: its name, slug (from the name when
     * empty) and description there, which that language's pages show. An empty name removes its
     * name there, and those pages fall back to the default language's (marked as such). The
     * section's address in that language follows at once; the old one stops answering.
     *
     * @return the section's path in that language's tree, without the language's prefix
     */
    public String label(Staff who, Actor actor, long id, Long version, SectionLabelForm form) {
        require(who, "name sections");
        String language = form.language();
        if (language == null || !sections.languages().contains(language)) {
            throw new InvalidInput("language", "sectionAdmin.label.languageInvalid");
        }
        if (language.equals(defaultLanguage())) {
            throw new InvalidInput("language", "sectionAdmin.label.defaultLanguage");
        }
        boolean remove = form.name() == null || form.name().isBlank();
        String name = remove ? null : name(form.name());
        String slug = remove ? null : slug(form.slug(), name);
        String description = remove ? null : description(form.description());
        long expected = StaleVersion.expected(version);
        String path = tx.inTransaction(em -> {
            // Siblings take turns: two of them named alike in one language at once cannot both pass the check below.
            lockSiblings(em, id);
            SectionLabel saved = em.find(SectionLabel.class, new SectionLabel.Key(id, language));
            Section s = locked(em, id, expected, "sectionAdmin.stale.label." + language, x -> labelSides(em, x, language,
                    saved, name, slug, description));
            String before = pathIn(em, s, language);
            String beforeName = saved == null ? s.getName() : saved.getName();
            if (remove ? saved == null : saved != null && saved.getName().equals(name) && saved.getSlug().equals(slug)
                    && Objects.equals(saved.getDescription(), description)) {
                return before;
            }
            Map<String, String> slugs = Map.of(language, remove ? s.getSlug() : slug);
            if (remove) {
                if (sharedAddress(em, s.getParent(), id, slugs).isPresent()) {
                    throw new InvalidInput("name", "sectionAdmin.label.fallbackTaken");
                }
                em.remove(saved);
            } else {
                checkAddresses(em, s.getParent(), id, slugs, language);
                if (saved == null) {
                    em.persist(new SectionLabel(id, language, name, slug, description));
                } else {
                    saved.change(name, slug, description);
                }
            }
            em.flush();
            String after = pathIn(em, s, language);
            // The label is part of the section: a page that showed the section before this change is now stale.
            em.lock(s, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            audit.record(em, actor, remove ? "section.unnamed" : "section.named", "section", id, language + ": "
                    + beforeName + " (" + before + ") → " + (remove ? s.getName() : name) + " (" + after + ")");
            return after;
        });
        sections.reload();
        return path;
    }

    /**
     * Chooses what the section's listing and date archives show of each statement: teasers, or
     * each statement whole; returns the section's name.
     */
    public String archiveStyle(Staff who, Actor actor, long id, Long version, ArchiveStyle style) {
        require(who, "change sections");
        long expected = StaleVersion.expected(version);
        String name = tx.inTransaction(em -> {
            Section s = current(em, id, expected, "sectionAdmin.stale.archive",
                    saved -> new Look(saved.name(), saved.slug(), saved.parent(), saved.place(), style(style)));
            if (s.getArchiveStyle() != style) {
                audit.record(em, actor, "section.archiveStyle", "section", id,
                        s.getName() + ": " + s.getArchiveStyle() + " → " + style);
                s.setArchiveStyle(style);
            }
            return s.getName();
        });
        sections.reload();
        return name;
    }

    /** Moves a section, with everything below it, under another parent (null: the top level); returns its new path. */
    public String move(Staff who, Actor actor, long id, Long version, Long parentId) {
        require(who, "move sections");
        long expected = StaleVersion.expected(version);
        String path = tx.inTransaction(em -> {
            Section s = current(em, id, expected, "sectionAdmin.stale.move", saved -> new Look(saved.name(), saved.slug(),
                    parentId == null ? parentOf(null) : Optional.ofNullable(em.find(Section.class, parentId))
                            .<Object>map(SectionService::parentOf).orElse(null), saved.place(), saved.archiveStyle()));
            Section parent = parent(em, parentId);
            if (Objects.equals(parentId, s.getParent() == null ? null : s.getParent().getId())) {
                return path(s);
            }
            for (Section p = parent; p != null; p = p.getParent()) {
                if (p.getId() == id) {
                    throw new InvalidInput("parentId", "sectionAdmin.moveUnderItself");
                }
            }
            checkAddresses(em, parent, id, slugsOf(em, s, s.getSlug()), defaultLanguage());
            String before = path(s);
            s.moveUnder(parent, nextPosition(em, parent));
            String after = path(s);
            audit.record(em, actor, "section.moved", "section", id, s.getName() + ": " + before + " → " + after);
            return after;
        });
        sections.reload();
        return path;
    }

    /**
     * Swaps a section's place with its neighbour among its siblings, upwards or downwards.
     * The first cannot go up nor the last down: then nothing changes.
     *
     * @return the section's name
     */
    public String reorder(Staff who, Actor actor, long id, Long version, boolean up) {
        require(who, "reorder sections");
        long expected = StaleVersion.expected(version);
        String name = tx.inTransaction(em -> {
            lockSiblings(em, id);
            Section s = current(em, id, expected, up ? "sectionAdmin.stale.up" : "sectionAdmin.stale.down",
                    saved -> new Look(saved.name(), saved.slug(), saved.parent(),
                            Text.of(up ? "sectionAdmin.stale.placeUp" : "sectionAdmin.stale.placeDown"), saved.archiveStyle()));
            List<Section> siblings = children(em, s.getParent());
            int from = siblings.indexOf(s);
            int to = up ? from - 1 : from + 1;
            if (to < 0 || to >= siblings.size()) {
                return s.getName();
            }
            Collections.swap(siblings, from, to);
            // Numbered afresh, so equal positions left by older data cannot make a swap a no-op.
            for (int i = 0; i < siblings.size(); i++) {
                siblings.get(i).setPosition(i);
            }
            audit.record(em, actor, "section.reordered", "section", id,
                    s.getName() + (up ? " up" : " down") + " to place " + (to + 1) + " of " + siblings.size());
            return s.getName();
        });
        sections.reload();
        return name;
    }

    /**
     * Deletes an empty section. Refused while it has subsections or statements (of any status,
     * trashed too), or while revisions of a statement once filed there still name it.
     *
     * @return the deleted section's name
     */
    public String delete(Staff who, Actor actor, long id, Long version) {
        require(who, "delete sections");
        long expected = StaleVersion.expected(version);
        String name = tx.inTransaction(em -> {
            Section s = current(em, id, expected, "sectionAdmin.stale.delete", saved -> Look.DELETED);
            if (!children(em, s).isEmpty()) {
                throw new InvalidInput("delete", "sectionAdmin.hasSubsections");
            }
            if (count(em, "select count(*) from statement where section_id = :id", id) > 0) {
                throw new InvalidInput("delete", "sectionAdmin.hasStatements");
            }
            if (count(em, "select count(*) from statement_revision where section_id = :id", id) > 0) {
                throw new InvalidInput("delete", "sectionAdmin.inRevisions");
            }
            String detail = s.getName() + " (" + path(s) + ")";
            em.remove(s);
            audit.record(em, actor, "section.deleted", "section", id, detail);
            return s.getName();
        });
        sections.reload();
        return name;
    }

    private static void require(Staff who, String what) {
        Policy.require(Policy.canManageTaxonomy(who), what);
    }

    /** Three queries whatever the size of the tree: the sections, their labels, and the statement counts grouped. */
    private List<SectionRow> rows(EntityManager em) {
        List<Section> all = em.createQuery("select s from Section s", Section.class).getResultList();
        List<SectionLabel> labels = em.createQuery("select l from SectionLabel l", SectionLabel.class).getResultList();
        SectionTree tree = new SectionTree(all);
        List<SectionTree> others = sections.languages().stream().skip(1)
                .map(language -> new SectionTree(all, language, defaultLanguage(), labels)).toList();
        Map<Long, Long> versions = new HashMap<>();
        all.forEach(s -> versions.put(s.getId(), s.getVersion()));
        Map<Long, Long> counts = new HashMap<>();
        List<?> grouped = em.createNativeQuery("select section_id, count(*) from statement group by section_id")
                .getResultList();
        for (Object row : grouped) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        List<SectionRow> rows = new ArrayList<>();
        addRows(rows, tree.roots(), 0, counts, versions, others);
        return List.copyOf(rows);
    }

    private static void addRows(List<SectionRow> rows, List<SectionNode> level, int depth, Map<Long, Long> counts,
                                Map<Long, Long> versions, List<SectionTree> others) {
        for (int i = 0; i < level.size(); i++) {
            SectionNode n = level.get(i);
            List<SectionRow.InLanguage> inOthers = others.stream().map(t -> inLanguage(t.byId(n.id()).orElseThrow(), t))
                    .toList();
            rows.add(new SectionRow(n.id(), n.parentId(), n.name(), n.slug(), n.path(), depth,
                    counts.getOrDefault(n.id(), 0L), i == 0, i == level.size() - 1, n.hasChildren(), n.archiveStyle(),
                    versions.get(n.id()), inOthers));
            addRows(rows, n.children(), depth + 1, counts, versions, others);
        }
    }

    /** A section as a language's tree has it: named there, or falling back to the default language's name. */
    private static SectionRow.InLanguage inLanguage(SectionNode n, SectionTree tree) {
        boolean named = n.nameLanguage().equals(tree.language());
        return new SectionRow.InLanguage(tree.language(), named ? n.name() : null, named ? n.slug() : null,
                named ? n.description() : null, n.path());
    }

    /**
     * Refuses slugs that would make two sections share an address in a language, or that the
     * router would read as something else: a statement ({@code item}), a date archive (digits),
     * or at the top level one of the site's own paths or a language code ({@code fr}: a language prefix).
     *
     * @param slugs  the section's slug in each language whose address changes
     * @param edited the language being changed: a clash in another one is told as such
     */
    private void checkAddresses(EntityManager em, Section parent, Long ownId, Map<String, String> slugs, String edited) {
        for (String slug : slugs.values()) {
            boolean topLevelTaken = parent == null && (RESERVED_TOP_LEVEL.contains(slug) || Languages.isLanguageCode(slug));
            if (topLevelTaken || slug.equals("item") || slug.matches("[0-9]+")) {
                throw new InvalidInput("slug", "sectionAdmin.slugReserved");
            }
        }
        sharedAddress(em, parent, ownId, slugs).ifPresent(language -> {
            throw new InvalidInput("slug", language.equals(edited) ? "sectionAdmin.slugTaken" : "sectionAdmin.slugTakenInAnotherLanguage");
        });
    }

    /**
     * The first language in which a section with these slugs would have a sibling's address
     * under this parent: a sibling's slug in a language is its label's there, else its own.
     */
    private static Optional<String> sharedAddress(EntityManager em, Section parent, Long ownId, Map<String, String> slugs) {
        List<Section> siblings = children(em, parent).stream().filter(x -> !x.getId().equals(ownId)).toList();
        if (siblings.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Map<String, String>> labelled = new HashMap<>();
        em.createQuery("select l from SectionLabel l where l.sectionId in :ids", SectionLabel.class)
                .setParameter("ids", siblings.stream().map(Section::getId).toList()).getResultList()
                .forEach(l -> labelled.computeIfAbsent(l.getSectionId(), k -> new HashMap<>()).put(l.getLanguage(), l.getSlug()));
        for (Map.Entry<String, String> mine : slugs.entrySet()) {
            for (Section sibling : siblings) {
                String theirs = labelled.getOrDefault(sibling.getId(), Map.of()).getOrDefault(mine.getKey(), sibling.getSlug());
                if (theirs.equals(mine.getValue())) {
                    return Optional.of(mine.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** A section's slug in each of the site's languages: its label's there, else {@code ownSlug}. */
    private Map<String, String> slugsOf(EntityManager em, Section s, String ownSlug) {
        Map<String, String> labelled = new HashMap<>();
        em.createQuery("select l from SectionLabel l where l.sectionId = :id", SectionLabel.class)
                .setParameter("id", s.getId()).getResultList().forEach(l -> labelled.put(l.getLanguage(), l.getSlug()));
        Map<String, String> slugs = new java.util.LinkedHashMap<>();
        sections.languages().forEach(language -> slugs.put(language, labelled.getOrDefault(language, ownSlug)));
        return slugs;
    }

    private Map<String, String> everyLanguage(String slug) {
        Map<String, String> slugs = new java.util.LinkedHashMap<>();
        sections.languages().forEach(language -> slugs.put(language, slug));
        return slugs;
    }

    private String defaultLanguage() {
        return sections.languages().get(0);
    }

    /** The children of a section (of the top level for null), in the order the site shows them. */
    /**
     * Locks, in id order, every section that shares this one's parent: a reorder renumbers them
     * all, so two reorders among the same siblings take turns (the second then sees the first's
     * versions) instead of one of them failing when it writes. Read by id rather than loaded,
     * so that the sections come into this unit of work only once locked, as they are now.
     */
    private static void lockSiblings(EntityManager em, long id) {
        List<Long> parent = em.createQuery("select s.parent.id from Section s where s.id = :id", Long.class)
                .setParameter("id", id).getResultList();
        if (parent.isEmpty()) {
            return; // not found: said by current()
        }
        TypedQuery<Section> q = parent.get(0) == null
                ? em.createQuery("select s from Section s where s.parent is null order by s.id", Section.class)
                : em.createQuery("select s from Section s where s.parent.id = :parent order by s.id", Section.class)
                        .setParameter("parent", parent.get(0));
        q.setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private static List<Section> children(EntityManager em, Section parent) {
        TypedQuery<Section> q = parent == null
                ? em.createQuery("select s from Section s where s.parent is null", Section.class)
                : em.createQuery("select s from Section s where s.parent = :parent", Section.class)
                        .setParameter("parent", parent);
        List<Section> list = new ArrayList<>(q.getResultList());
        list.sort(Comparator.comparingInt(Section::getPosition).thenComparing(Section::getName));
        return list;
    }

    private static int nextPosition(EntityManager em, Section parent) {
        return children(em, parent).stream().mapToInt(Section::getPosition).max().orElse(-1) + 1;
    }

    private static Section parent(EntityManager em, Long parentId) {
        if (parentId == null) {
            return null;
        }
        Section parent = em.find(Section.class, parentId);
        if (parent == null) {
            throw new InvalidInput("parentId", "sectionAdmin.parentNotFound");
        }
        return parent;
    }

    /** A section as the conflict page shows it; each value a {@code String} or a {@link Text}. */
    private record Look(Object name, Object slug, Object parent, Object place, Object archiveStyle) {

        static final Look DELETED = new Look(Text.of("admin.stale.deleted"), Text.of("admin.stale.deleted"),
                Text.of("admin.stale.deleted"), Text.of("admin.stale.deleted"), Text.of("admin.stale.deleted"));

        List<Field> against(Look mine) {
            return List.of(new Field("name", "sectionAdmin.name", name, mine.name),
                    new Field("slug", "sectionAdmin.slug", slug, mine.slug),
                    new Field("parentId", "sectionAdmin.parent", parent, mine.parent),
                    new Field("place", "sectionAdmin.col.order", place, mine.place),
                    new Field("archiveStyle", "sectionAdmin.archive", archiveStyle, mine.archiveStyle));
        }
    }

    /**
     * The section to change, locked until the change commits, if it is still at the version
     * its page showed; otherwise the change is refused with the saved section beside what the
     * change would have made of it.
     */
    private Section current(EntityManager em, long id, long expected, String asked, UnaryOperator<Look> change) {
        return locked(em, id, expected, asked, s -> {
            List<Section> siblings = children(em, s.getParent());
            Look saved = new Look(s.getName(), s.getSlug(), parentOf(s.getParent()),
                    Text.of("sectionAdmin.stale.place", siblings.indexOf(s) + 1, siblings.size()), style(s.getArchiveStyle()));
            return saved.against(change.apply(saved));
        });
    }

    /** As {@link #current}, with the fields a refusal shows worked out from the saved section by {@code sides}. */
    private Section locked(EntityManager em, long id, long expected, String asked, Function<Section, List<Field>> sides) {
        Section s = em.find(Section.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new InvalidInput("id", "sectionAdmin.notFound");
        }
        if (s.getVersion() != expected) {
            throw new StaleVersion("section", s.getVersion(), audit.lastChangedBy(em, "section", id).orElse(null),
                    Text.of(asked, s.getName()), sides.apply(s));
        }
        return s;
    }

    /** A section's name, address and description in a language, as saved and as a label change would make them. */
    private static List<Field> labelSides(EntityManager em, Section s, String language, SectionLabel saved, String name,
                                          String slug, String description) {
        String path = pathIn(em, s, language);
        String mine = path.substring(0, path.lastIndexOf('/') + 1) + (name == null ? s.getSlug() : slug);
        return List.of(new Field("name", "sectionAdmin.name", saved == null ? null : saved.getName(), name),
                new Field("address", "sectionAdmin.col.address", path, mine),
                new Field("description", "sectionAdmin.description", saved == null ? null : saved.getDescription(), description));
    }

    /** The section's path in a language's tree, e.g. {@code /المركز-الإعلامي/أخبار-الائتلاف} in Arabic. */
    private static String pathIn(EntityManager em, Section s, String language) {
        Map<Long, String> slugs = new HashMap<>();
        em.createQuery("select l.sectionId, l.slug from SectionLabel l where l.language = :language", Object[].class)
                .setParameter("language", language).getResultList().forEach(r -> slugs.put((Long) r[0], (String) r[1]));
        StringBuilder path = new StringBuilder();
        for (Section x = s; x != null; x = x.getParent()) {
            path.insert(0, "/" + slugs.getOrDefault(x.getId(), x.getSlug()));
        }
        return path.toString();
    }

    private static Object parentOf(Section parent) {
        return parent == null ? Text.of("sectionAdmin.topLevel") : parent.getName() + " (" + path(parent) + ")";
    }

    private static Text style(ArchiveStyle style) {
        return Text.of("sectionAdmin.archive." + style.name());
    }

    /** The public path, e.g. /media-center/coalition-news. */
    private static String path(Section s) {
        StringBuilder path = new StringBuilder();
        for (Section x = s; x != null; x = x.getParent()) {
            path.insert(0, "/" + x.getSlug());
        }
        return path.toString();
    }

    private static long count(EntityManager em, String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter("id", id).getSingleResult()).longValue();
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InvalidInput("name", "sectionAdmin.nameRequired");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInput("name", "sectionAdmin.nameTooLong");
        }
        return name;
    }

    /** A description as typed, without surrounding space; null when empty. */
    private static String description(String raw) {
        String description = raw == null ? "" : raw.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInput("description", "sectionAdmin.descriptionTooLong");
        }
        return description.isEmpty() ? null : description;
    }

    /** The slug as typed, or made from the name when left empty; either way in the site's slug form. */
    private static String slug(String raw, String name) {
        return Slugs.of(raw == null || raw.isBlank() ? name : raw);
    }
}
