package org.bayan.section;

/**
 * The section admin's form for a new section, as typed.
 *
 * @param slug     optional: made from the name when empty
 * @param parentId null for a top-level section
 */
record SectionForm(String name, String slug, Long parentId) {

    public static SectionForm empty() {
        return new SectionForm("", "", null);
    }
}
