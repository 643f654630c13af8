package org.bayan.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Makes an uploaded PDF safe to publish: parsed in full with PDFBox (a truncated, damaged or
 * password-protected file is refused; one that only restricts printing or copying is kept without
 * the restrictions), then written anew without its document information
 * (author, creator tool, producer, dates) and without XMP metadata, of the document or of any
 * page. What a page shows is kept as it is: a name printed in the text is the editor's to see.
 */
final class Documents {

    /** Writes the cleaned PDF into {@code staging} as {@code document.pdf}. */
    Stored clean(Path upload, Path staging) throws IOException {
        if (!endsLikeAPdf(upload)) {
            throw new UploadRefused("media.refused.damaged");
        }
        Path out = staging.resolve("document.pdf");
        try (PDDocument doc = Loader.loadPDF(upload.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.isEncrypted()) {
                // Opened without a password: only restrictions on printing or copying, which readers are spared.
                doc.setAllSecurityToBeRemoved(true);
            }
            if (doc.getNumberOfPages() == 0) {
                throw new UploadRefused("media.refused.damaged");
            }
            doc.setDocumentInformation(new PDDocumentInformation());
            doc.getDocumentCatalog().setMetadata(null);
            for (PDPage page : doc.getPages()) {
                page.setMetadata(null);
            }
            doc.save(out.toFile());
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new UploadRefused("media.refused.encrypted");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRefused r) throw r;
            throw new UploadRefused("media.refused.damaged");
        }
        return new Stored(Media.Kind.DOCUMENT, Hashes.sha256(out), FileType.PDF.contentType, Files.size(out), null, null);
    }

    /** A whole PDF ends with {@code %%EOF}, give or take a line end: a cut-off upload does not. */
    private static boolean endsLikeAPdf(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            int tail = (int) Math.min(1024, f.length());
            byte[] bytes = new byte[tail];
            f.seek(f.length() - tail);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }
}
