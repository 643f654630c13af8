package org.bayan.site;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashMap;
import java.util.Map;
import org.bayan.media.Media;

/**
 * The site's identity as an admin set it: the organisation's name in each language that has
 * one here, its logo, its favicon, and the picture shared for a statement without one. One row
 * (id 1), made by the migration; what is not set here comes from the settings.
 */
@Entity
@Table(name = "site_identity")
public class SiteIdentity {

    static final int ID = 1;

    @Id
    private Integer id;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "site_identity_name", joinColumns = @JoinColumn(name = "identity_id"))
    @MapKeyColumn(name = "language", length = 8)
    @Column(name = "name", nullable = false, length = 200)
    private Map<String, String> names = new HashMap<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "logo_id")
    private Media logo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "favicon_id")
    private Media favicon;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "share_image_id")
    private Media shareImage;

    @Version
    private long version;

    protected SiteIdentity() {
    }

    Map<String, String> getNames() { return names; }
    Media getLogo() { return logo; }
    Media getFavicon() { return favicon; }
    Media getShareImage() { return shareImage; }
    long getVersion() { return version; }

    void change(Map<String, String> names, Media logo, Media favicon, Media shareImage) {
        this.names.clear();
        this.names.putAll(names);
        this.logo = logo;
        this.favicon = favicon;
        this.shareImage = shareImage;
    }
}
