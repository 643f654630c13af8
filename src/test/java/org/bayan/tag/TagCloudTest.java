package org.bayan.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagCloudTest {

    static List<Integer> sizes(TagCloud cloud) {
        return cloud.entries().stream().map(TagCloud.Entry::size).toList();
    }

    @Test
    void busiestTagIsLargestAndRarestSmallestInOrder() {
        TagCloud cloud = TagCloud.of(List.of(new TagCloud.Count("Astana", "astana", 1),
                new TagCloud.Count("Homs", "homs", 4), new TagCloud.Count("Iran", "iran", 2),
                new TagCloud.Count("Russia", "russia", 16)));

        assertEquals(List.of(1, 3, 2, 5), sizes(cloud));
        assertEquals(List.of("Astana", "Homs", "Iran", "Russia"), cloud.entries().stream().map(TagCloud.Entry::name).toList(),
                "the order of the query is kept");
    }

    @Test
    void oneHugeTagDoesNotShrinkAllOthersToTheSmallestStep() {
        TagCloud cloud = TagCloud.of(List.of(new TagCloud.Count("A", "a", 1), new TagCloud.Count("B", "b", 30),
                new TagCloud.Count("C", "c", 1000)));
        assertEquals(3, cloud.entries().get(1).size(), "log scale: 30 lies midway between 1 and 1000");
    }

    @Test
    void equalCountsShareTheMiddleSizeAndEmptyCloudIsEmpty() {
        TagCloud cloud = TagCloud.of(List.of(new TagCloud.Count("A", "a", 3), new TagCloud.Count("B", "b", 3)));
        assertEquals(List.of(3, 3), sizes(cloud));
        assertTrue(TagCloud.of(List.of()).isEmpty());
    }
}
