package org.bayan.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bayan.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an upload becomes on disk, on real files: a camera's photo loses every trace of where
 * and with what it was taken, in every size; a PDF loses its author; what is refused leaves nothing.
 */
class UploadsTest {

    @TempDir
    Path media;

    private Uploads uploads(long maxBytes, long maxPixels) {
        return new Uploads(new MediaFiles(media), maxBytes, maxPixels);
    }

    private Stored store(byte[] bytes) throws IOException {
        return uploads(25L << 20, 50_000_000L).store(new ByteArrayInputStream(bytes));
    }

    private List<Path> filesOf(Stored stored) throws IOException {
        try (Stream<Path> files = Files.list(new MediaFiles(media).folder(stored.hash()))) {
            return files.sorted().toList();
        }
    }

    @Test
    void aCameraPhotoIsTurnedUprightAndKeepsNoGpsSerialNumberOrPhotographerInAnySize() throws Exception {
        byte[] camera = SampleFiles.cameraJpeg(2000, 1200);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(camera));
        assertFalse(before.getDirectoriesOfType(GpsDirectory.class).isEmpty(), "the sample has a GPS position to lose");
        assertFalse(before.getDirectoriesOfType(XmpDirectory.class).isEmpty(), "and XMP");
        assertFalse(before.getDirectoriesOfType(IptcDirectory.class).isEmpty(), "and IPTC");

        Stored stored = store(camera);

        assertEquals("image/jpeg", stored.contentType());
        assertEquals(1200, stored.width(), "orientation 6 applied: stored upright, taller than wide");
        assertEquals(2000, stored.height());
        List<String> names = filesOf(stored).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("full.jpg", "social.jpg", "w1024.jpg", "w320.jpg", "w640.jpg"), names,
                "every size up to the photo's width, the social card and the full size; the upload itself is gone");
        for (Path file : filesOf(stored)) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(SampleFiles.SERIAL), file + " names the camera's serial number");
            assertFalse(text.contains(SampleFiles.PHOTOGRAPHER), file + " names the photographer");
            assertFalse(text.contains("FieldCam"), file + " names the camera");
            Metadata after = ImageMetadataReader.readMetadata(file.toFile());
            assertTrue(after.getDirectoriesOfType(GpsDirectory.class).isEmpty(), file + " still holds a GPS position");
            assertTrue(after.getDirectoriesOfType(XmpDirectory.class).isEmpty(), file + " still holds XMP");
            assertTrue(after.getDirectoriesOfType(IptcDirectory.class).isEmpty(), file + " still holds IPTC");
            for (Directory d : after.getDirectories()) {
                assertFalse(d.getName().startsWith("Exif"), file + " still holds EXIF: " + d.getName());
            }
        }
        var social = ImageIO.read(new MediaFiles(media).folder(stored.hash()).resolve("social.jpg").toFile());
        assertEquals(1200, social.getWidth());
        assertEquals(630, social.getHeight());
        var small = ImageIO.read(new MediaFiles(media).folder(stored.hash()).resolve("w320.jpg").toFile());
        assertEquals(320, small.getWidth());
        assertEquals(533, small.getHeight(), "proportions kept");
    }

    @Test
    void aPdfLosesItsAuthorCreatorToolAndXmpAndKeepsItsPages() throws Exception {
        byte[] pdf = SampleFiles.pdfWithMetadata();
        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).contains(SampleFiles.PDF_AUTHOR), "the sample names its author");

        Stored stored = store(pdf);

        assertEquals(Media.Kind.DOCUMENT, stored.kind());
        Path kept = new MediaFiles(media).folder(stored.hash()).resolve("document.pdf");
        assertFalse(new String(Files.readAllBytes(kept), StandardCharsets.ISO_8859_1).contains(SampleFiles.PDF_AUTHOR));
        try (PDDocument doc = Loader.loadPDF(kept.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertNull(doc.getDocumentInformation().getAuthor());
            assertNull(doc.getDocumentInformation().getCreator());
            assertNull(doc.getDocumentInformation().getProducer());
            assertNull(doc.getDocumentCatalog().getMetadata());
        }
    }

    @Test
    void pngKeepsItsTransparencyGifAndWebpBecomeJpegs() throws Exception {
        assertEquals("image/png", store(SampleFiles.png(800, 600)).contentType());
        assertEquals("image/jpeg", store(SampleFiles.gif(400, 300)).contentType());
        Stored webp = store(SampleFiles.webp());
        assertEquals("image/jpeg", webp.contentType());
        assertEquals(1, webp.width());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("an SVG", SampleFiles.SVG, "media.refused.type"),
                Arguments.of("an HTML page", SampleFiles.HTML, "media.refused.type"),
                Arguments.of("a zip archive", SampleFiles.ZIP, "media.refused.type"),
                Arguments.of("a program", SampleFiles.EXE, "media.refused.type"),
                Arguments.of("a script", SampleFiles.SCRIPT, "media.refused.type"),
                Arguments.of("an empty file", new byte[0], "media.refused.empty"),
                Arguments.of("a GIF hiding a page", SampleFiles.polyglot(), "media.refused.polyglot"),
                Arguments.of("a JPEG cut short", SampleFiles.truncated(SampleFiles.jpeg(1600, 1200)), "media.refused.damaged"),
                Arguments.of("a PNG cut short", SampleFiles.truncated(SampleFiles.png(800, 600)), "media.refused.damaged"),
                Arguments.of("a PDF cut short", SampleFiles.truncated(SampleFiles.pdfWithMetadata()), "media.refused.damaged"),
                Arguments.of("a PDF that needs a password", SampleFiles.pdfWithPassword(), "media.refused.encrypted"),
                Arguments.of("a photo of 100 megapixels", SampleFiles.pngClaiming(10_000, 10_000), "media.refused.pixels"),
                Arguments.of("a photo of 4 gigapixels", SampleFiles.pngClaiming(65_000, 65_000), "media.refused.pixels"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refused")
    void refusedFilesLeaveNothingBehind(String what, byte[] bytes, String reason) throws IOException {
        UploadRefused refusal = assertThrows(UploadRefused.class, () -> store(bytes));
        assertEquals(reason, refusal.key(), what);
        try (Stream<Path> left = Files.walk(media)) {
            assertEquals(List.of(media, media.resolve(".incoming")), left.sorted().toList(), "nothing kept of " + what);
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAsItIsReadWithNothingKept() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        UploadRefused refusal = assertThrows(UploadRefused.class,
                () -> uploads(2L << 20, 50_000_000L).store(new ByteArrayInputStream(big)));
        assertEquals("media.refused.size", refusal.key());
        assertEquals(List.of(2L), refusal.args(), "the limit in MB, for the message");
        try (Stream<Path> left = Files.walk(media.resolve(".incoming"))) {
            assertEquals(1, left.count(), "the staging folder is gone");
        }
    }

    @Test
    void theSamePhotoUploadedTwiceIsOneFolder() throws IOException {
        byte[] photo = SampleFiles.jpeg(700, 500);
        assertEquals(store(photo).hash(), store(photo).hash());
    }
}
