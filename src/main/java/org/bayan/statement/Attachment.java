package org.bayan.statement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.bayan.media.Media;

/** A document listed under a statement, under a title of the statement's own. */
@Embeddable
public class Attachment {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "media_id", nullable = false)
    private Media media;

    @Column(nullable = false, length = 300)
    private String title;

    protected Attachment() {
    }

    public Attachment(Media media, String title) {
        this.media = media;
        this.title = title;
    }

    public Media getMedia() { return media; }
    public String getTitle() { return title; }
}
