package org.bayan.demo;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.persistence.Transactions;
import org.bayan.platform.text.Slugs;
import org.bayan.section.Section;
import org.bayan.statement.Revision;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.tag.Tag;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements a fresh installation shows: the two of the page the site mirrors, word for
 * word, and enough others that archives, paging and tag pages have something to show, plus a
 * few not yet (or no longer) public: a draft, one in review, one scheduled, one trashed.
 * Loaded only into a database without any statement, so it never touches real content.
 */
public final class DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    static final List<String> FILES = List.of(
            "/demo/seed-statements.txt", "/demo/more-statements.txt", "/demo/work-in-progress.txt");

    /** The two seed statements in Arabic and Turkish, each naming the English one it translates. */
    static final List<String> TRANSLATIONS = List.of("/demo/seed-statements.ar.txt", "/demo/seed-statements.tr.txt");

    /** The demo's tag names in each language (tab-separated; see the file's header). */
    static final String NAMES = "/demo/names.txt";

    private final Transactions tx;
    private final Clock clock;
    private final ZoneId zone;

    public DemoContent(Transactions tx, Clock clock, ZoneId zone) {
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
    }

    /** Loads the demo statements if there are no statements at all; returns how many it loaded. */
    public int loadIfEmpty() {
        int loaded = tx.inTransaction(em -> {
            if (em.createQuery("select count(s) from Statement s", Long.class).getSingleResult() > 0) {
                return 0;
            }
            List<Record> records = new ArrayList<>();
            FILES.forEach(f -> records.addAll(parse(read(f))));
            List<Record> translations = new ArrayList<>();
            TRANSLATIONS.forEach(f -> translations.addAll(parse(read(f))));
            Map<String, Tag> tags = new HashMap<>();
            Map<String, Statement> byTitle = new HashMap<>();
            for (Record r : records) {
                Statement s = toStatement(em, r, tags);
                em.persist(s);
                em.persist(Revision.first(s, null, clock.instant(), "demo content loaded"));
                byTitle.put(s.getTitle(), s);
            }
            linkTagNames(em, tags);
            for (Record r : translations) {
                Statement original = byTitle.get(r.header("translation-of"));
                if (original == null) {
                    throw new IllegalStateException("demo translation of an unknown statement: " + r.header("translation-of"));
                }
                Statement s = toStatement(em, r, tags);
                original.joinTranslationSet(original.getId());
                s.joinTranslationSet(original.getId());
                em.persist(s);
                em.persist(Revision.first(s, null, clock.instant(), "demo content loaded"));
            }
            return records.size() + translations.size();
        });
        if (loaded > 0) {
            log.info("Demo content loaded: {} statements (set BAYAN_DEMO=false to start empty)", loaded);
        }
        return loaded;
    }

    private Statement toStatement(EntityManager em, Record r, Map<String, Tag> tags) {
        Section section = em.createQuery("select s from Section s where s.slug = :slug", Section.class)
                .setParameter("slug", r.header("section")).getSingleResult();
        String body = r.paragraphs().stream().map(p -> "<p>" + Entities.escape(p) + "</p>")
                .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        Statement s = new Statement(r.header("title"), Slugs.of(r.header("title")), body, section, null, clock.instant());
        String language = r.headers().getOrDefault("language", "en");
        s.setLanguage(language);
        s.setLead(r.headers().get("lead"));
        s.setSource(r.header("source"));
        String published = r.headers().get("published");
        if (published != null) {
            s.schedule(published.startsWith("now+")
                    ? clock.instant().plus(Duration.parse(published.substring(4)))
                    : LocalDateTime.parse(published).atZone(zone).toInstant(), zone);
        }
        s.setStatus(Status.valueOf(r.headers().getOrDefault("status", "PUBLISHED")));
        for (String name : r.header("tags").split(",")) {
            String clean = name.strip();
            String slug = Slugs.of(clean);
            s.getTags().add(tags.computeIfAbsent(language + ":" + slug, key -> {
                Tag t = new Tag(clean, slug, language);
                em.persist(t);
                return t;
            }));
        }
        return s;
    }

    /**
     * Links each English demo tag with its Arabic and Turkish names (creating those tags if no
     * demo statement carries them yet), as staff would link counterparts.
     */
    private static void linkTagNames(EntityManager em, Map<String, Tag> tags) {
        for (String line : read(NAMES).split("\n")) {
            String[] c = line.split("\t");
            if (line.isBlank() || line.startsWith("#") || c.length < 7 || !c[0].equals("tag")) continue;
            Tag english = tags.get("en:" + c[1]);
            if (english == null) continue;
            em.flush(); // the English tag's id names the set
            for (String[] other : List.of(new String[] {"ar", c[3], c[4]}, new String[] {"tr", c[5], c[6]})) {
                Tag t = tags.computeIfAbsent(other[0] + ":" + other[2], key -> {
                    Tag created = new Tag(other[1], other[2], other[0]);
                    em.persist(created);
                    return created;
                });
                em.flush();
                english.linkCounterpart(t);
            }
        }
    }

    record Record(Map<String, String> headers, List<String> paragraphs) {
        String header(String name) {
            String v = headers.get(name);
            if (v == null) {
                throw new IllegalStateException("demo statement without '" + name + "': " + headers);
            }
            return v;
        }
    }

    /** Records separated by {@code ====}; each: {@code key: value} lines, a blank line, paragraphs. */
    static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        for (String block : text.replace("\r", "").split("(?m)^====\\s*$")) {
            if (block.isBlank()) continue;
            String[] parts = block.strip().split("\n\\s*\n", 2);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : parts[0].split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            List<String> paragraphs = parts.length < 2 ? List.of()
                    : List.of(parts[1].strip().split("\n\\s*\n")).stream().map(String::strip).toList();
            records.add(new Record(headers, paragraphs));
        }
        return records;
    }

    private static String read(String resource) {
        try (InputStream in = DemoContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing demo file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
