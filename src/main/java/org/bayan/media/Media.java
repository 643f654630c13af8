package org.bayan.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import org.bayan.user.User;

/**
 * A file of the media library: a photo (kept re-encoded, in the sizes of {@link ImageSizes}) or
 * a PDF (kept rewritten without its metadata). Its files are in the folder named by
 * {@link #getHash()}; alt text, caption and credit are what a statement using it starts from.
 */
@Entity
@org.hibernate.annotations.BatchSize(size = 50) // a listing's images not fetched with it come in one query, not one each
public class Media {

    public enum Kind { IMAGE, DOCUMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 64)
    private String hash;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(nullable = false)
    private long bytes;

    private Integer width;
    private Integer height;

    @Column(name = "alt_text", length = 500)
    private String altText;

    @Column(length = 1000)
    private String caption;

    @Column(length = 300)
    private String credit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "uploaded_by_id")
    private User uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Version
    private long version;

    protected Media() {
    }

    Media(Stored stored, String fileName, User uploadedBy, Instant at) {
        this.kind = stored.kind();
        this.fileName = fileName;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
        replaceWith(stored);
    }

    /** Points the row at other files (a replacement): every statement using it shows the new ones. */
    void replaceWith(Stored stored) {
        this.hash = stored.hash();
        this.contentType = stored.contentType();
        this.bytes = stored.bytes();
        this.width = stored.width();
        this.height = stored.height();
    }

    void describe(String altText, String caption, String credit) {
        this.altText = altText;
        this.caption = caption;
        this.credit = credit;
    }

    void rename(String fileName) { this.fileName = fileName; }

    public Long getId() { return id; }
    public Kind getKind() { return kind; }
    public String getHash() { return hash; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getBytes() { return bytes; }
    public Integer getWidth() { return width; }
    public Integer getHeight() { return height; }
    public String getAltText() { return altText; }
    public String getCaption() { return caption; }
    public String getCredit() { return credit; }
    public User getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public long getVersion() { return version; }
}
