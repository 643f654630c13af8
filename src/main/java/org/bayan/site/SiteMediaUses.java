package org.bayan.site;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.bayan.media.MediaUses;

/** The site's identity using a file of the library: as its logo, its favicon or its shared picture. */
public final class SiteMediaUses implements MediaUses {

    private final SiteIdentityService identity;

    public SiteMediaUses(SiteIdentityService identity) {
        this.identity = identity;
    }

    /** A file replaced or described anew may be the logo, the favicon or the shared picture: read them again. */
    @Override
    public void changed(long mediaId) {
        identity.forget();
    }

    @Override
    public List<Use> of(EntityManager em, long mediaId) {
        List<Use> uses = new ArrayList<>();
        for (Object[] r : em.createQuery("select i.logo.id, i.favicon.id, i.shareImage.id from SiteIdentity i", Object[].class)
                .getResultList()) {
            String[] how = {"logo", "favicon", "shareImage"};
            for (int i = 0; i < how.length; i++) {
                if (r[i] != null && ((Number) r[i]).longValue() == mediaId) {
                    uses.add(new Use("/admin/site", null, null, null, how[i]));
                }
            }
        }
        return uses;
    }
}
