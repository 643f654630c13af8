package org.bayan.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Makes an uploaded photo safe to publish: decoded in full (a truncated or damaged file is
 * refused), its size checked against the pixel limit from its header before any pixel is
 * allocated, turned the way its EXIF orientation says, then written anew, so that nothing of
 * the uploaded file but its pixels survives: no EXIF, XMP or IPTC, no GPS position, no camera
 * serial number. Then the sizes of {@link ImageSizes}, each from the next larger one.
 */
final class Photos {

    private static final float QUALITY = 0.82f;

    static {
        ImageIO.setUseCache(false); // decode in memory, never into temporary files of ImageIO's own
        ImageIO.scanForPlugins();   // TwelveMonkeys' readers (WebP), inside a web application too
    }

    private final long maxPixels;

    Photos(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Writes the photo's files into {@code staging}; the hash names the full-size file's bytes. */
    Stored clean(Path upload, FileType type, Path staging) throws IOException {
        // The decoded pixels are let go as soon as they are turned: a 50-megapixel photo is 150-200 MB each time.
        BufferedImage photo = orient(decode(upload, type), orientation(upload));
        boolean alpha = photo.getColorModel().hasAlpha() && type != FileType.JPEG;
        String contentType = alpha ? "image/png" : "image/jpeg";
        String ext = ImageSizes.extension(contentType);
        BufferedImage pixels = alpha ? photo : flatten(photo);
        photo = null;
        Path full = staging.resolve("full." + ext);
        write(pixels, full, ext);
        int width = pixels.getWidth();
        int height = pixels.getHeight();
        List<Integer> widths = new ArrayList<>(ImageSizes.widthsFor(width));
        BufferedImage larger = pixels;
        for (int i = widths.size() - 1; i >= 0; i--) {
            int w = widths.get(i);
            // The height the pages will announce (ImageSizes.heightAt), exactly, so nothing shifts when it loads.
            BufferedImage size = w == larger.getWidth() ? larger : Thumbnails.of(larger)
                    .size(w, ImageSizes.heightAt(w, width, height)).keepAspectRatio(false).asBufferedImage();
            write(size, staging.resolve("w" + w + "." + ext), ext);
            if (i == widths.size() - 1) {
                social(size.getWidth() >= ImageSizes.SOCIAL_WIDTH ? size : pixels, staging.resolve("social.jpg"));
            }
            larger = size;
        }
        return new Stored(Media.Kind.IMAGE, Hashes.sha256(full), contentType, java.nio.file.Files.size(full), width, height);
    }

    private BufferedImage decode(Path upload, FileType type) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new UploadRefused("media.refused.damaged");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new UploadRefused("media.refused.pixels", reader.getWidth(0), reader.getHeight(0),
                            Math.round(maxPixels / 1_000_000.0));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) { // "premature end of file", "corrupt data": pixels are missing
                    throw new UploadRefused("media.refused.damaged");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException
                 | java.io.EOFException | NegativeArraySizeException e) {
            throw new UploadRefused("media.refused.damaged");
        }
    }

    /** The EXIF orientation a camera wrote, read before the metadata goes; top-left when there is none. */
    private static Orientation orientation(Path upload) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(upload.toFile());
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                Orientation o = Orientation.typeOf(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
                return o == null ? Orientation.TOP_LEFT : o;
            }
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
            // unreadable metadata: the pixels decoded, so the photo is kept as stored
        }
        return Orientation.TOP_LEFT;
    }

    private static BufferedImage orient(BufferedImage image, Orientation o) {
        return o == Orientation.TOP_LEFT ? image : ExifFilterUtils.getFilterForOrientation(o).apply(image);
    }

    /** The photo as plain RGB on white, which is what a JPEG holds. */
    private static BufferedImage flatten(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static void social(BufferedImage from, Path file) throws IOException {
        BufferedImage card = Thumbnails.of(from).size(ImageSizes.SOCIAL_WIDTH, ImageSizes.SOCIAL_HEIGHT)
                .crop(Positions.CENTER).asBufferedImage();
        write(flatten(card), file, "jpg");
    }

    /** Writes pixels and nothing else: no metadata is given to the writer, so none is written. */
    private static void write(BufferedImage image, Path file, String ext) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(ext).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (ext.equals("jpg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // a phone shows the whole photo early
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
