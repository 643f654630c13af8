package org.bayan.section;

/**
 * The section admin's form for a section's name in another language, as typed.
 *
 * @param language the language's code, one of the site's languages other than the default
 * @param name     empty to remove the section's name in that language
 * @param slug     optional: made from the name when empty
 */
record SectionLabelForm(String language, String name, String slug, String description) {
}
