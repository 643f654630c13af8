package org.bayan.section;

import java.util.List;

/**
 * A section as the public site sees it in one language: immutable, with its URL path worked out once.
 *
 * @param path the section's URL path below the language's root, e.g. {@code /media-center/coalition-news}
 * @param archiveStyle what its listing and date archives show of each statement
 * @param nameLanguage the language its name and slug are in: the page's, or the site's default
 *                     where the section has no name in the page's language (then marked as such)
 */
public record SectionNode(long id, Long parentId, String slug, String name, String description,
                          String path, List<SectionNode> children, ArchiveStyle archiveStyle, String nameLanguage) {

    /** A section whose listings show teasers, named in English. */
    public SectionNode(long id, Long parentId, String slug, String name, String description, String path,
                       List<SectionNode> children) {
        this(id, parentId, slug, name, description, path, children, ArchiveStyle.TEASER, "en");
    }

    /** Whether its listing and archives show each statement whole rather than a teaser. */
    public boolean fullText() {
        return archiveStyle == ArchiveStyle.FULL_TEXT;
    }

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
