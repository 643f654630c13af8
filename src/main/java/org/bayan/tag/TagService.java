package org.bayan.tag;

import org.bayan.user.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bayan.user.AuditTrail;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.platform.StaleVersion.Field;
import org.bayan.platform.StaleVersion.Text;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.user.Policy;
import org.bayan.user.Staff;

/**
 * Tags for the admin area: names for the editor's suggestions, and the tag admin's changes.
 * A tag's address must outlive renames and merges, so every slug a tag gives up is kept in
 * {@link TagRedirect} and the public tag page follows it. A change carries the version of the tag
 * its page showed, and is refused ({@link StaleVersion}) if somebody else changed the tag since.
 */
public final class TagService {


    static final int MAX_NAME = 100;

    private final Transactions tx;
    private final AuditTrail audit;
    private final RetaggedStatements retagged;

    public TagService(Transactions tx, AuditTrail audit, RetaggedStatements retagged) {
        this.tx = tx;
        this.audit = audit;
        this.retagged = retagged;
    }

    /** Every tag name, alphabetically: the editor suggests from these. */
    public List<String> names() {
        return tx.inTransaction(em -> em.createQuery("select t.name from Tag t order by lower(t.name)", String.class)
                .getResultList());
    }

    /** Every tag, by language and alphabetically, with how many statements carry it, its old addresses and counterparts. */
    public List<TagRow> overview(Staff who) {
        return overview(who, null);
    }

    /** The tags of one language ({@code null}: of every language), as {@link #overview(Staff)} lists them. */
    public List<TagRow> overview(Staff who, String language) {
        Policy.require(Policy.canManageTaxonomy(who), "manage tags");
        return tx.inTransaction(em -> rows(em, language));
    }

    /** One tag with every other tag of its language, which it could be merged into. */
    public record Detail(TagRow tag, List<TagRow> others) {

        /** The other tag that already has the slug a name would take, if any. */
        public Optional<TagRow> owner(String name) {
            String slug = Slugs.of(name.strip());
            return others.stream().filter(t -> t.slug().equals(slug)).findFirst();
        }
    }

    public Optional<Detail> detail(Staff who, long id) {
        Policy.require(Policy.canManageTaxonomy(who), "manage tags");
        return tx.inTransaction(em -> Optional.ofNullable(em.find(Tag.class, id)).flatMap(found -> {
            List<TagRow> all = rows(em, found.getLanguage());
            return all.stream().filter(t -> t.id() == id).findFirst()
                    .map(tag -> new Detail(tag, all.stream().filter(t -> t.id() != id).toList()));
        }));
    }

    /** What linking or unlinking changed: the tag whose page it was sent from, and the other tag, with its language. */
    public record Linked(String tag, String counterpart, String language) {
    }

    /**
     * Links a tag with the same topic's tag in another language, named by its name or slug: the
     * two, and the counterparts either had already, become one set. A set holds one tag per
     * language, so the link is refused when both sides already have a tag of the same language
     * (unlink one first), as it is for a tag of the tag's own language, the tag itself, or no tag.
     */
    public Linked link(Staff who, Actor actor, long id, Long version, String language, String nameOrSlug) {
        Policy.require(Policy.canManageTaxonomy(who), "link tags");
        if (language == null) {
            throw new InvalidInput("language", "tagAdmin.counterpart.language");
        }
        String named = nameOrSlug == null ? "" : nameOrSlug.strip().replaceAll("\\s+", " ");
        if (named.isEmpty()) {
            throw new InvalidInput("counterpart", "tagAdmin.counterpart.required");
        }
        long expected = StaleVersion.expected(version);
        return tx.inTransaction(em -> {
            Tag tag = current(em, id, expected, "tagAdmin.stale.link", saved -> List.of(
                    new Field("counterparts", "tagAdmin.col.counterparts", describe(counterparts(em, saved)),
                            Text.of("tagAdmin.stale.linkWith", named, language))));
            Optional<Tag> found = named(em, language, named);
            if (found.filter(o -> o.getId().equals(tag.getId())).isPresent()) {
                throw new InvalidInput("counterpart", "tagAdmin.counterpart.self");
            }
            if (tag.getLanguage().equals(language)) {
                throw new InvalidInput("counterpart", "tagAdmin.counterpart.sameLanguage");
            }
            Tag other = found.orElseThrow(() -> new InvalidInput("counterpart", "tagAdmin.counterpart.notFound"));
            Linked linked = new Linked(tag.getName(), other.getName(), other.getLanguage());
            if (tag.getCounterparts() != null && tag.getCounterparts().equals(other.getCounterparts())) {
                return linked; // linked already: sent twice
            }
            List<Tag> mine = set(em, tag);
            List<Tag> theirs = set(em, other);
            if (mine.stream().anyMatch(a -> theirs.stream().anyMatch(b -> a.getLanguage().equals(b.getLanguage())))) {
                throw new InvalidInput("counterpart", "tagAdmin.counterpart.languageTaken");
            }
            long set = tag.getCounterparts() != null ? tag.getCounterparts()
                    : other.getCounterparts() != null ? other.getCounterparts() : tag.getId();
            List<Tag> joined = new ArrayList<>(mine);
            joined.addAll(theirs);
            touch(em, joined);
            joined.forEach(t -> t.joinCounterparts(set));
            record(em, actor, "tag.linked", tag, other);
            return linked;
        });
    }

    /**
     * Takes a counterpart out of a tag's set; the others stay linked with each other (a set
     * left with one tag is no set any more).
     */
    public Linked unlink(Staff who, Actor actor, long id, Long version, long counterpartId) {
        Policy.require(Policy.canManageTaxonomy(who), "unlink tags");
        long expected = StaleVersion.expected(version);
        return tx.inTransaction(em -> {
            Tag tag = current(em, id, expected, "tagAdmin.stale.unlink", saved -> List.of(
                    new Field("counterparts", "tagAdmin.col.counterparts", describe(counterparts(em, saved)),
                            Text.of("tagAdmin.stale.unlinkFrom", Optional.ofNullable(em.find(Tag.class, counterpartId))
                                    .map(Tag::getName).orElse("#" + counterpartId)))));
            Tag other = em.find(Tag.class, counterpartId);
            if (other == null || other.getId().equals(tag.getId()) || tag.getCounterparts() == null
                    || !tag.getCounterparts().equals(other.getCounterparts())) {
                throw new InvalidInput("counterpart", "tagAdmin.counterpart.notLinked");
            }
            List<Tag> members = set(em, tag);
            touch(em, members);
            List<Tag> staying = members.stream().filter(t -> !t.getId().equals(other.getId())).toList();
            other.joinCounterparts(null);
            if (staying.size() < 2) {
                staying.forEach(t -> t.joinCounterparts(null));
            } else if (tag.getCounterparts().equals(other.getId())) {
                // The set was named after the tag leaving it, which could otherwise pull the set back in when it is linked anew.
                long renamed = staying.get(0).getId();
                staying.forEach(t -> t.joinCounterparts(renamed));
            }
            record(em, actor, "tag.unlinked", tag, other);
            return new Linked(tag.getName(), other.getName(), other.getLanguage());
        });
    }

    /**
     * Renames a tag; its slug follows the new name and the old slug redirects to it. Refused
     * when another tag already has that slug: the two are one tag, to be merged.
     *
     * @return the new name
     */
    public String rename(Staff who, Actor actor, long id, Long version, String newName) {
        Policy.require(Policy.canManageTaxonomy(who), "rename tags");
        String name = name(newName);
        String slug = Slugs.of(name);
        long expected = StaleVersion.expected(version);
        return tx.inTransaction(em -> {
            Tag tag = current(em, id, expected, "tagAdmin.stale.rename", List.of(name, "/tag/" + slug));
            String oldName = tag.getName();
            String oldSlug = tag.getSlug();
            if (name.equals(oldName)) {
                return name;
            }
            if (!slug.equals(oldSlug)) {
                if (bySlug(em, tag.getLanguage(), slug).isPresent()) {
                    throw new InvalidInput("name", "tagAdmin.slugTaken");
                }
                // The tag takes this address back (or over): it must no longer lead elsewhere.
                em.createQuery("delete from TagRedirect r where r.key.language = :language and r.key.oldSlug = :slug")
                        .setParameter("language", tag.getLanguage()).setParameter("slug", slug).executeUpdate();
                redirect(em, oldSlug, tag);
            }
            tag.rename(name, slug);
            retagged.reindex(em, statementsCarrying(em, id));
            audit.record(em, actor, "tag.renamed", "tag", id, oldName + " (" + oldSlug + ") → " + name + " (" + slug + ")");
            return name;
        });
    }

    /**
     * Merges one tag into another: the statements carrying it carry the other instead (once),
     * its addresses redirect to the other, and it is deleted.
     *
     * @return the name of the tag that stays
     */
    public String merge(Staff who, Actor actor, long id, Long version, long intoId) {
        Policy.require(Policy.canManageTaxonomy(who), "merge tags");
        if (id == intoId) {
            throw new InvalidInput("into", "tagAdmin.mergeSelf");
        }
        long expected = StaleVersion.expected(version);
        return tx.inTransaction(em -> {
            Tag into = em.find(Tag.class, intoId);
            Tag merged = current(em, id, expected, "tagAdmin.stale.merge", into == null ? List.of()
                    : List.of(Text.of("tagAdmin.stale.mergedInto", into.getName()), "/tag/" + into.getSlug()));
            if (into == null || !into.getLanguage().equals(merged.getLanguage())) {
                throw new InvalidInput("into", "tagAdmin.mergeTarget");
            }
            List<Long> affected = statementsCarrying(em, id);
            int moved = em.createNativeQuery("insert into statement_tag (statement_id, tag_id)"
                            + " select st.statement_id, cast(:into as bigint) from statement_tag st where st.tag_id = :merged"
                            + " and not exists (select 1 from statement_tag x"
                            + " where x.statement_id = st.statement_id and x.tag_id = :into)")
                    .setParameter("into", intoId).setParameter("merged", id).executeUpdate();
            em.createNativeQuery("delete from statement_tag where tag_id = :merged").setParameter("merged", id)
                    .executeUpdate();
            em.createQuery("update TagRedirect r set r.tag = :into where r.tag = :merged")
                    .setParameter("into", into).setParameter("merged", merged).executeUpdate();
            redirect(em, merged.getSlug(), into);
            if (merged.getCounterparts() != null && into.getCounterparts() == null) {
                // Same language, so the place of the merged tag in its set is free for the tag that stays.
                into.joinCounterparts(merged.getCounterparts());
            }
            em.remove(merged);
            retagged.reindex(em, affected);
            audit.record(em, actor, "tag.merged", "tag", id, merged.getName() + " (" + merged.getSlug() + ") → "
                    + into.getName() + " (" + into.getSlug() + "), " + moved + " statements gained it");
            return into.getName();
        });
    }

    /**
     * Takes a tag off every statement and deletes it; its addresses, old ones included, are gone.
     *
     * @return the deleted tag's name
     */
    public String delete(Staff who, Actor actor, long id, Long version) {
        Policy.require(Policy.canManageTaxonomy(who), "delete tags");
        long expected = StaleVersion.expected(version);
        return tx.inTransaction(em -> {
            Tag tag = current(em, id, expected, "tagAdmin.stale.delete",
                    List.of(Text.of("admin.stale.deleted"), Text.of("admin.stale.deleted")));
            List<Long> affected = statementsCarrying(em, id);
            int untagged = em.createNativeQuery("delete from statement_tag where tag_id = :id").setParameter("id", id)
                    .executeUpdate();
            em.createQuery("delete from TagRedirect r where r.tag = :tag").setParameter("tag", tag).executeUpdate();
            em.remove(tag);
            retagged.reindex(em, affected);
            audit.record(em, actor, "tag.deleted", "tag", id, tag.getName() + " (" + tag.getSlug() + "), removed from "
                    + untagged + " statements");
            return tag.getName();
        });
    }

    /**
     * Three queries whatever the number of tags: the counts grouped in one, the old slugs and the
     * counterparts (of every language, so a list of one language still names them) in the others.
     */
    private static List<TagRow> rows(EntityManager em, String language) {
        Map<Long, List<String>> oldSlugs = new HashMap<>();
        TypedQuery<Object[]> redirects = em.createQuery("select r.tag.id, r.key.oldSlug from TagRedirect r"
                + (language == null ? "" : " where r.key.language = :language") + " order by r.key.oldSlug", Object[].class);
        if (language != null) {
            redirects.setParameter("language", language);
        }
        redirects.getResultList().forEach(r -> oldSlugs.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        Map<Long, List<TagRow.Counterpart>> sets = new HashMap<>();
        em.createQuery("select t.counterparts, t.id, t.language, t.name, t.slug from Tag t where t.counterparts is not null"
                        + " order by t.language, t.id", Object[].class).getResultList()
                .forEach(r -> sets.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new TagRow.Counterpart((Long) r[1], (String) r[2], (String) r[3], (String) r[4])));
        Query query = em.createNativeQuery("select t.id, t.name, t.slug, count(st.statement_id), t.version,"
                + " t.language, t.counterparts from tag t left join statement_tag st on st.tag_id = t.id"
                + (language == null ? "" : " where t.language = :language")
                + " group by t.id, t.name, t.slug, t.version, t.language, t.counterparts order by t.language, lower(t.name), t.id");
        if (language != null) {
            query.setParameter("language", language);
        }
        List<?> counted = query.getResultList();
        return counted.stream().map(row -> {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            List<TagRow.Counterpart> others = r[6] == null ? List.of() : sets.getOrDefault(((Number) r[6]).longValue(), List.of())
                    .stream().filter(c -> c.id() != id).toList();
            return new TagRow(id, (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    List.copyOf(oldSlugs.getOrDefault(id, List.of())), ((Number) r[4]).longValue(), (String) r[5], others);
        }).toList();
    }

    /** A tag and its counterparts, or the tag alone, by id: the order in which they are locked. */
    private static List<Tag> set(EntityManager em, Tag tag) {
        if (tag.getCounterparts() == null) {
            return List.of(tag);
        }
        return em.createQuery("select t from Tag t where t.counterparts = :set order by t.id", Tag.class)
                .setParameter("set", tag.getCounterparts()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The other tags of a tag's set. */
    private static List<Tag> counterparts(EntityManager em, Tag tag) {
        return set(em, tag).stream().filter(t -> !t.getId().equals(tag.getId())).toList();
    }

    /** Counterparts as a tag's page shows them, e.g. "AR: قصف · TR: bombardıman" (null for none). */
    private static String describe(List<Tag> counterparts) {
        return counterparts.isEmpty() ? null : counterparts.stream()
                .sorted(Comparator.comparing(Tag::getLanguage))
                .map(t -> t.getLanguage().toUpperCase(Locale.ROOT) + ": " + t.getName())
                .collect(Collectors.joining(" · "));
    }

    /**
     * Moves on the version of every tag whose counterparts a change alters, so a page that showed
     * them before sends a change that is refused as stale, like a page of a renamed tag.
     */
    private static void touch(EntityManager em, List<Tag> tags) {
        tags.forEach(t -> em.lock(t, LockModeType.PESSIMISTIC_FORCE_INCREMENT));
    }

    /** One entry for each of the two tags, so each one's history (and conflict page) names the change. */
    private void record(EntityManager em, Actor actor, String action, Tag tag, Tag other) {
        audit.record(em, actor, action, "tag", tag.getId(), label(tag) + " ↔ " + label(other));
        audit.record(em, actor, action, "tag", other.getId(), label(other) + " ↔ " + label(tag));
    }

    private static String label(Tag tag) {
        return tag.getName() + " (" + tag.getLanguage() + ", " + tag.getSlug() + ")";
    }

    /** A language's tag, named by its name (whatever the case) or its slug, locked until the change commits. */
    private static Optional<Tag> named(EntityManager em, String language, String nameOrSlug) {
        if (nameOrSlug.length() > 120) {
            return Optional.empty(); // longer than any name or slug
        }
        return em.createQuery("select t.id from Tag t where t.language = :language"
                        + " and (t.slug = :slug or t.slug = :typed or lower(t.name) = :name) order by t.id", Long.class)
                .setParameter("language", language).setParameter("slug", Slugs.of(nameOrSlug))
                .setParameter("typed", nameOrSlug).setParameter("name", nameOrSlug.toLowerCase(Locale.ROOT))
                .setMaxResults(1).getResultStream().findFirst()
                .map(id -> em.find(Tag.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The ids of the statements carrying a tag. */
    private static List<Long> statementsCarrying(EntityManager em, long tagId) {
        List<?> ids = em.createNativeQuery("select statement_id from statement_tag where tag_id = :id")
                .setParameter("id", tagId).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Points an old slug of the tag's language at the tag, whichever tag it pointed at before. */
    private static void redirect(EntityManager em, String oldSlug, Tag tag) {
        TagRedirect existing = em.find(TagRedirect.class, new TagRedirect.Key(tag.getLanguage(), oldSlug));
        if (existing == null) {
            em.persist(new TagRedirect(tag.getLanguage(), oldSlug, tag));
        } else {
            existing.setTag(tag);
        }
    }

    private static Optional<Tag> bySlug(EntityManager em, String language, String slug) {
        return em.createQuery("select t from Tag t where t.language = :language and t.slug = :slug", Tag.class)
                .setParameter("language", language).setParameter("slug", slug).getResultStream().findFirst();
    }

    /**
     * The tag to change, locked until the change commits, if it is still at the version its page
     * showed; otherwise the change is refused with the saved tag beside what the change would have
     * made of it ({@code mine}: its name and address, or nothing when that is not known).
     */
    private Tag current(EntityManager em, long id, long expected, String asked, List<Object> mine) {
        return current(em, id, expected, asked, tag -> List.of(
                new Field("name", "tagAdmin.col.tag", tag.getName(), mine.isEmpty() ? null : mine.get(0)),
                new Field("address", "tagAdmin.col.address", "/tag/" + tag.getSlug(), mine.isEmpty() ? null : mine.get(1))));
    }

    /** {@link #current}, with the fields a conflict shows beside the tag's name: those the change is about. */
    private Tag current(EntityManager em, long id, long expected, String asked, Function<Tag, List<Field>> about) {
        Tag tag = em.find(Tag.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (tag == null) {
            throw new InvalidInput("id", "tagAdmin.notFound");
        }
        if (tag.getVersion() != expected) {
            throw new StaleVersion("tag", tag.getVersion(), audit.lastChangedBy(em, "tag", id).orElse(null),
                    Text.of(asked, tag.getName()), about.apply(tag));
        }
        return tag;
    }

    /** The name as the editor writes tags: inner runs of spaces become one. */
    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new InvalidInput("name", "tagAdmin.nameRequired");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInput("name", "tag.tooLong");
        }
        return name;
    }
}
