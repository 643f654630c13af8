package org.bayan.section;

import java.util.List;

/**
 * A section as the public site sees it: immutable, with its URL path worked out once.
 *
 * @param path the section's URL path below the context root, e.g. {@code /media-center/coalition-news}
 * @param archiveStyle what its listing and date archives show of each statement
 */
public record SectionNode(long id, Long parentId, String slug, String name, String description,
                          String path, List<SectionNode> children, ArchiveStyle archiveStyle) {

    /** A section whose listings show teasers. */
    public SectionNode(long id, Long parentId, String slug, String name, String description, String path,
                       List<SectionNode> children) {
        this(id, parentId, slug, name, description, path, children, ArchiveStyle.TEASER);
    }

    /** Whether its listing and archives show each statement whole rather than a teaser. */
    public boolean fullText() {
        return archiveStyle == ArchiveStyle.FULL_TEXT;
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
