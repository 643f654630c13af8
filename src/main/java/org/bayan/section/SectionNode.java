package org.bayan.section;

import java.util.List;

/**
 * A section as the public site sees it: immutable, with its URL path worked out once.
 *
 * @param path the section's URL path below the context root, e.g. {@code /media-center/coalition-news}
 */
public record SectionNode(long id, Long parentId, String slug, String name, String description,
                          String path, List<SectionNode> children) {

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
