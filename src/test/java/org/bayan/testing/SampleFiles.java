package org.bayan.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Calendar;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Real files for upload tests, made here: photos with what a camera in the field writes into
 * them (GPS position, camera serial number, photographer's name in EXIF, XMP and IPTC), PDFs
 * with an author and a creator tool, and the files an upload must refuse.
 */
public final class SampleFiles {

    /** Where the sample photo was "taken": what must never reach a reader. */
    public static final double LATITUDE = 36.2021;
    public static final double LONGITUDE = 37.1343;
    public static final String SERIAL = "SN-4471-BAYAN-TEST";
    public static final String PHOTOGRAPHER = "Photographer Who Must Stay Unnamed";
    public static final String PDF_AUTHOR = "Author Who Must Stay Unnamed";

    private SampleFiles() {
    }

    /** A drawn photo, {@code width}×{@code height}, as a plain JPEG. */
    public static byte[] jpeg(int width, int height) {
        return encode(drawn(width, height, false), "jpg");
    }

    /**
     * A JPEG whose pixels are stored {@code width}×{@code height} with EXIF orientation 6 (turn
     * 90° clockwise to view: shown {@code height}×{@code width}), GPS, make, model and serial
     * number in EXIF, the photographer in XMP and in IPTC.
     */
    public static byte[] cameraJpeg(int width, int height) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            var root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
            root.add(TiffTagConstants.TIFF_TAG_MAKE, "FieldCam");
            root.add(TiffTagConstants.TIFF_TAG_MODEL, "FC-1");
            root.add(TiffTagConstants.TIFF_TAG_ARTIST, PHOTOGRAPHER);
            exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL);
            ByteArrayOutputStream withExif = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), withExif, exif);
            ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
            new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, xmp());
            ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
            new JpegIptcRewriter().writeIptc(withXmp.toByteArray(), withIptc,
                    new PhotoshopApp13Data(List.of(new IptcRecord(IptcTypes.BYLINE, PHOTOGRAPHER),
                            new IptcRecord(IptcTypes.CITY, "Aleppo")), List.of()));
            return withIptc.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xmp() {
        return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:creator><rdf:Seq><rdf:li>" + PHOTOGRAPHER + "</rdf:li></rdf:Seq></dc:creator>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    }

    /** A PNG with transparency. */
    public static byte[] png(int width, int height) {
        return encode(drawn(width, height, true), "png");
    }

    public static byte[] gif(int width, int height) {
        BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = indexed.createGraphics();
        g.drawImage(drawn(width, height, false), 0, 0, null);
        g.dispose();
        return encode(indexed, "gif");
    }

    /** A 1×1 WebP, lossy (Java has no WebP writer; these bytes are the well-known test image browsers are probed with). */
    public static byte[] webp() {
        return Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
    }

    /** A PDF of one page whose document information and XMP name its author and creator tool. */
    public static byte[] pdfWithMetadata() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            PDDocumentInformation info = new PDDocumentInformation();
            info.setAuthor(PDF_AUTHOR);
            info.setCreator("Secret Word Processor 9");
            info.setProducer("Secret PDF Maker 3");
            info.setTitle("Signed statement");
            info.setCreationDate(Calendar.getInstance());
            doc.setDocumentInformation(info);
            PDMetadata xmp = new PDMetadata(doc);
            xmp.importXMPMetadata(("<?xpacket begin=\"\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                    + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq><rdf:li>"
                    + PDF_AUTHOR + "</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>")
                    .getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(xmp);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that opens only with a password. */
    public static byte[] pdfWithPassword() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG whose header says {@code width}×{@code height} and whose data is one tiny block: an
     * upload that would take gigabytes of memory if it were decoded before its size was checked.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The first part of a file, as an upload cut short leaves it. */
    public static byte[] truncated(byte[] whole) {
        return java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
    }

    public static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    public static final byte[] HTML = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
    public static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    public static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
    public static final byte[] SCRIPT = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);

    /** A GIF that is also a page: markup after the image's end, for a browser that sniffs. */
    public static byte[] polyglot() {
        byte[] gif = gif(8, 8);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] both = java.util.Arrays.copyOf(gif, gif.length + html.length);
        System.arraycopy(html, 0, both, gif.length, html.length);
        return both;
    }

    private static BufferedImage drawn(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 70, 120, alpha ? 160 : 255), width, height, new Color(200, 160, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
