package org.bayan.tag;

import java.util.List;

/**
 * A tag as the tag admin lists it.
 *
 * @param statements how many statements carry it, whatever their status
 * @param oldSlugs   earlier addresses that now redirect to it
 * @param version    the version shown, which a change from its page sends back
 */
public record TagRow(long id, String name, String slug, long statements, List<String> oldSlugs, long version,
                     String language) {
}
