package org.bayan.media;

import java.time.Instant;

/**
 * A file of the library as its pages show it: read in the service's transaction, with the
 * uploader's name, so that templates render with no database behind them.
 */
public record MediaItem(long id, Media.Kind kind, String hash, String fileName, String contentType, long bytes,
                        Integer width, Integer height, String altText, String caption, String credit,
                        Long uploaderId, String uploader, Instant uploadedAt, long version) {

    /** A file without its uploader's name: what a statement shows of the files it uses, read with no further query. */
    public static MediaItem file(Media m) {
        return new MediaItem(m.getId(), m.getKind(), m.getHash(), m.getFileName(), m.getContentType(), m.getBytes(),
                m.getWidth(), m.getHeight(), m.getAltText(), m.getCaption(), m.getCredit(), null, null, m.getUploadedAt(),
                m.getVersion());
    }

    /** A file with its uploader's name: the query must have fetched the uploader with it. */
    public static MediaItem of(Media m) {
        return new MediaItem(m.getId(), m.getKind(), m.getHash(), m.getFileName(), m.getContentType(), m.getBytes(),
                m.getWidth(), m.getHeight(), m.getAltText(), m.getCaption(), m.getCredit(),
                m.getUploadedBy() == null ? null : m.getUploadedBy().getId(),
                m.getUploadedBy() == null ? null : m.getUploadedBy().getDisplayName(), m.getUploadedAt(), m.getVersion());
    }

    public boolean isImage() {
        return kind == Media.Kind.IMAGE;
    }

    /** A photo's sizes as pages show them (null for a document): the one place that works them out. */
    private Picture picture() {
        return isImage() ? new Picture(hash, contentType, width, height, altText, caption, credit) : null;
    }

    /** The address of the smallest size, for a thumbnail in a grid or a list. */
    public String thumbnail() {
        return isImage() ? picture().thumbnail() : null;
    }

    /** The size a statement's text shows it at, for the editor to insert: 1024 wide, or the largest below. */
    public String inline() {
        return isImage() ? picture().src() : null;
    }

    public int thumbnailWidth() {
        return isImage() ? picture().thumbnailWidth() : 0;
    }

    public int thumbnailHeight() {
        return isImage() ? picture().thumbnailHeight() : 0;
    }

    /** Every size of a photo, for {@code srcset}. */
    public String srcset(String contextPath) {
        return isImage() ? picture().srcset(contextPath) : null;
    }

    /** A document's download address, its name in the address so a saved file keeps it. */
    public String download() {
        try {
            return new java.net.URI(null, null, "/media/" + hash + "/" + DownloadName.of(fileName), null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return "/media/" + hash + "/document.pdf";
        }
    }

    /** The size in words a person reads: 2.4 MB, 310 kB. */
    public String size() {
        if (bytes >= 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        if (bytes >= 1024) return (bytes / 1024) + " kB";
        return bytes + " B";
    }

    public String type() {
        return switch (contentType) {
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "application/pdf" -> "PDF";
            default -> contentType;
        };
    }
}
