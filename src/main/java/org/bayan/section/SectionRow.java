package org.bayan.section;

import java.util.List;

/**
 * A section as the section admin lists it, in tree order.
 *
 * @param depth      0 for a top-level section
 * @param statements how many statements are filed directly in it, whatever their status
 * @param first      whether it comes first among its siblings (it cannot move up)
 * @param last       whether it comes last among its siblings (it cannot move down)
 * @param archiveStyle what its listing and date archives show of each statement
 * @param version    the version shown, which a change from this page sends back
 * @param otherLanguages the section in each of the site's other languages, in the site's order
 */
public record SectionRow(long id, Long parentId, String name, String slug, String path, int depth,
                         long statements, boolean first, boolean last, boolean hasChildren, ArchiveStyle archiveStyle,
                         long version, List<InLanguage> otherLanguages) {

    /** The name indented by depth, for the options of a select. */
    public String label() {
        return "— ".repeat(depth) + name;
    }

    /**
     * The section in another language: its name, slug and description there, all null where staff
     * have not named it in that language (its pages there then show the default language's).
     *
     * @param path its address in that language's tree (without the language's prefix), named or not
     */
    public record InLanguage(String language, String name, String slug, String description, String path) {

        public boolean named() {
            return name != null;
        }
    }
}
