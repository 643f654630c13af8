package org.bayan.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bayan.platform.persistence.Transactions;
import org.bayan.statement.Statement;
import org.bayan.statement.StatementRepository;

/**
 * K2 does not link an item to its translations; a site that kept them apart (an English item and
 * its Arabic original) can say which go together in a CSV of id pairs, one pair a line
 * ({@code 101,102}; a header line, blank lines and lines starting with {@code #} are skipped).
 * Each pair joins the second statement to the first's translation set, so the pages link each
 * other, as translations made in Bayan do. A pair that cannot be linked (an id not imported,
 * two statements in one language, one already translated) is reported and left as it is.
 */
final class Translations {

    private Translations() {
    }

    /** The pairs of the file, refused whole (with the line) when a line is not two ids. */
    static List<long[]> read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new ImportRefused("import.translations.missing", csv);
        }
        List<long[]> pairs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).get().parse(in)) {
                boolean ids = r.size() >= 2 && r.get(0).matches("\\d{1,18}") && r.get(1).matches("\\d{1,18}");
                if (!ids && r.getRecordNumber() == 1) {
                    continue; // a header
                }
                if (!ids) {
                    throw new ImportRefused("import.translations.line", r.getRecordNumber(), String.join(",", r.toList()));
                }
                pairs.add(new long[] {Long.parseLong(r.get(0)), Long.parseLong(r.get(1))});
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportRefused("import.translations.unreadable", csv, e.getMessage());
        }
        return pairs;
    }

    /** Links each pair, one transaction for all; a dry run only checks them. */
    static void link(Transactions tx, List<long[]> pairs, boolean dry, ImportReport report) {
        tx.run(em -> {
            for (long[] pair : pairs) {
                String about = "translation " + pair[0] + "," + pair[1];
                Statement first = em.find(Statement.class, pair[0]);
                Statement second = em.find(Statement.class, pair[1]);
                if (dry) {
                    report.count("translations");
                    continue;
                }
                if (first == null || second == null || pair[0] == pair[1]) {
                    report.problem("translation.unknown", about, "");
                    continue;
                }
                long set = first.translationSetId();
                if (second.translationSetId() == set) {
                    report.count("translations.kept");
                    continue;
                }
                List<String> languages = em.createQuery("select s.language from Statement s where " + StatementRepository.IN_SET,
                        String.class).setParameter("set", set).getResultList();
                long othersOfSecond = em.createQuery("select count(s) from Statement s where s.translationSet = :id", Long.class)
                        .setParameter("id", second.getId()).getSingleResult();
                if (languages.contains(second.getLanguage())) {
                    report.problem("translation.sameLanguage", about, second.getLanguage());
                } else if (second.translationSetId() != second.getId() || othersOfSecond > 0) {
                    report.problem("translation.alreadyLinked", about, "");
                } else {
                    long before = second.getVersion();
                    second.joinTranslationSet(set);
                    em.flush();
                    // Linked by the import, not edited by staff: a second run still updates it.
                    Imported k = em.find(Imported.class, new Imported.Key("item", second.getId(), ""));
                    if (k != null && k.targetVersion != null && k.targetVersion == before) {
                        k.targetVersion = second.getVersion();
                    }
                    report.count("translations");
                }
            }
        });
    }
}
