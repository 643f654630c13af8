package org.bayan.section;

/**
 * A section as the section admin lists it, in tree order.
 *
 * @param depth      0 for a top-level section
 * @param statements how many statements are filed directly in it, whatever their status
 * @param first      whether it comes first among its siblings (it cannot move up)
 * @param last       whether it comes last among its siblings (it cannot move down)
 * @param archiveStyle what its listing and date archives show of each statement
 * @param version    the version shown, which a change from this page sends back
 */
public record SectionRow(long id, Long parentId, String name, String slug, String path, int depth,
                         long statements, boolean first, boolean last, boolean hasChildren, ArchiveStyle archiveStyle,
                         long version) {

    /** The name indented by depth, for the options of a select. */
    public String label() {
        return "— ".repeat(depth) + name;
    }
}
