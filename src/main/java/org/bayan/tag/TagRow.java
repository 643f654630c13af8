package org.bayan.tag;

import java.util.List;

/**
 * A tag as the tag admin lists it.
 *
 * @param statements   how many statements carry it, whatever their status
 * @param oldSlugs     earlier addresses (in its language) that now redirect to it
 * @param version      the version shown, which a change from its page sends back
 * @param counterparts the same topic's tags in other languages, by language
 */
public record TagRow(long id, String name, String slug, long statements, List<String> oldSlugs, long version,
                     String language, List<Counterpart> counterparts) {

    /** Another language's tag of the same topic, as much of it as a link to its admin page needs. */
    public record Counterpart(long id, String language, String name, String slug) {
    }
}
