package org.bayan.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The readers' comments of the old site, which Bayan does not show: written whole to
 * {@code comments.csv} in the import's folder (RFC 4180, UTF-8, a header line), so that
 * nothing is lost. Made only when there is a comment; a dry run only counts them. What readers
 * wrote is kept from being taken for a formula by a spreadsheet ({@link #inert}).
 */
final class CommentsFile implements AutoCloseable {

    static final String NAME = "comments.csv";

    private final Path folder;
    private final ImportReport report;
    private CSVPrinter out;

    /** @param folder the import's folder, or null to count only (a dry run) */
    CommentsFile(Path folder, ImportReport report) {
        this.folder = report.dryRun ? null : folder;
        this.report = report;
    }

    /** One comment: its id and the post's there, the post's address now, who wrote it, when, whether it was shown, the text. */
    void write(long id, long post, String address, String name, String email, String website, String date, boolean shown,
               String text) {
        report.count("comments");
        if (folder == null) return;
        try {
            if (out == null) {
                out = new CSVPrinter(Files.newBufferedWriter(folder.resolve(NAME), StandardCharsets.UTF_8), CSVFormat.RFC4180
                        .builder().setHeader("id", "post", "address", "name", "email", "website", "date", "shown", "text").get());
                report.commentsFile = NAME;
            }
            out.printRecord(id, post, address == null ? "" : address, inert(name), inert(email), inert(website),
                    date == null || date.startsWith("0000") ? "" : date, shown ? "yes" : "no", inert(text));
        } catch (IOException e) {
            throw new ImportRefused("import.folder", folder, e.getMessage());
        }
    }

    /**
     * A reader's words as a spreadsheet shows them, never as a formula it runs: a cell starting
     * with = + - @ (or a tab or return) gets an apostrophe before it, as OWASP advises for CSV.
     */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    @Override
    public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new ImportRefused("import.folder", folder, e.getMessage());
        }
    }
}
