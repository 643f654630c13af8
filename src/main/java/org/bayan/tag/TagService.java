package org.bayan.tag;

import org.bayan.user.Actor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Every tag, alphabetically, with how many statements carry it and its old addresses. */
    public List<TagRow> overview(Staff who) {
        Policy.require(Policy.canManageTaxonomy(who), "manage tags");
        return tx.inTransaction(TagService::rows);
    }

    /** One tag with every other tag it could be merged into. */
    public record Detail(TagRow tag, List<TagRow> others) {

        /** The other tag that already has the slug a name would take, if any. */
        public Optional<TagRow> owner(String name) {
            String slug = Slugs.of(name.strip());
            return others.stream().filter(t -> t.slug().equals(slug) && t.language().equals(tag.language())).findFirst();
        }
    }

    public Optional<Detail> detail(Staff who, long id) {
        List<TagRow> all = overview(who);
        return all.stream().filter(t -> t.id() == id).findFirst()
                .map(tag -> new Detail(tag, all.stream().filter(t -> t.id() != id && t.language().equals(tag.language())).toList()));
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

    /** Two queries whatever the number of tags: the counts grouped in one, the old slugs in the other. */
    private static List<TagRow> rows(EntityManager em) {
        Map<Long, List<String>> oldSlugs = new HashMap<>();
        em.createQuery("select r.tag.id, r.key.oldSlug from TagRedirect r order by r.key.oldSlug", Object[].class)
                .getResultList()
                .forEach(r -> oldSlugs.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        List<?> counted = em.createNativeQuery("select t.id, t.name, t.slug, count(st.statement_id), t.version, t.language"
                + " from tag t left join statement_tag st on st.tag_id = t.id"
                + " group by t.id, t.name, t.slug, t.version, t.language order by t.language, lower(t.name), t.id").getResultList();
        return counted.stream().map(row -> {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            return new TagRow(id, (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                    List.copyOf(oldSlugs.getOrDefault(id, List.of())), ((Number) r[4]).longValue(), (String) r[5]);
        }).toList();
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
        Tag tag = em.find(Tag.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (tag == null) {
            throw new InvalidInput("id", "tagAdmin.notFound");
        }
        if (tag.getVersion() != expected) {
            String address = "/tag/" + tag.getSlug();
            throw new StaleVersion("tag", tag.getVersion(), audit.lastChangedBy(em, "tag", id).orElse(null),
                    Text.of(asked, tag.getName()), List.of(
                            new Field("name", "tagAdmin.col.tag", tag.getName(), mine.isEmpty() ? null : mine.get(0)),
                            new Field("address", "tagAdmin.col.address", address, mine.isEmpty() ? null : mine.get(1))));
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
