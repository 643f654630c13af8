package org.bayan.tag;

import java.util.List;

/**
 * Every tag readers can follow, alphabetically, each with how many visible statements carry
 * it and a size step from 1 to {@link #STEPS} for showing the busiest tags larger.
 */
public record TagCloud(List<Entry> entries) {

    /** Few steps, so that sizes stay readable and a difference in size means something. */
    public static final int STEPS = 5;

    /** A tag and its count of visible statements, as the query gives them. */
    public record Count(String name, String slug, long count) {
    }

    public record Entry(String name, String slug, long count, int size) {
    }

    /**
     * Sizes on a logarithmic scale between the smallest and the largest count: one tag on
     * hundreds of statements would otherwise shrink every other tag to the smallest step.
     */
    public static TagCloud of(List<Count> counts) {
        long min = counts.stream().mapToLong(Count::count).min().orElse(1);
        long max = counts.stream().mapToLong(Count::count).max().orElse(1);
        double range = Math.log(max) - Math.log(min);
        return new TagCloud(counts.stream().map(c -> new Entry(c.name(), c.slug(), c.count(),
                range == 0 ? (STEPS + 1) / 2
                        : 1 + (int) Math.round((Math.log(c.count()) - Math.log(min)) / range * (STEPS - 1))))
                .toList());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
