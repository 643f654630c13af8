package org.bayan.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Page N of a listing, read from {@code ?page=N}. A value that is not a whole number from 1
 * up is a bad request; a page past the last one does not exist.
 */
public record Pager(int page, int size, long total) {

    public static final int DEFAULT_SIZE = 10;
    private static final int MAX_PAGE = 1_000_000;

    /** Reads the page number; null or absent means page 1. */
    public static int parse(String value) {
        if (value == null) {
            return 1;
        }
        if (!value.matches("[0-9]{1,7}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_PAGE) {
            throw HttpError.badRequest("page must be a whole number from 1");
        }
        return Integer.parseInt(value);
    }

    public static int offset(int page, int size) {
        return (page - 1) * size;
    }

    /** Fails with 404 when the page lies past the end (page 1 of an empty listing is fine). */
    public Pager requireExists() {
        if (page > 1 && page > pages()) {
            throw HttpError.notFound("no page " + page);
        }
        return this;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() { return page > 1; }
    public boolean hasNext() { return page < pages(); }
    public boolean isPaged() { return pages() > 1; }

    /** Page numbers to show: the first, the last, and a few around the current one. */
    public List<Integer> window() {
        // Built from the few numbers shown, not by walking every page: an archive has thousands.
        int last = pages();
        List<Integer> shown = new ArrayList<>();
        shown.add(1);
        for (int p = Math.max(2, page - 2); p <= Math.min(last - 1, page + 2); p++) {
            if (p > shown.get(shown.size() - 1) + 1) {
                shown.add(0); // a gap, shown as an ellipsis
            }
            shown.add(p);
        }
        if (last > 1) {
            if (last > shown.get(shown.size() - 1) + 1) {
                shown.add(0);
            }
            shown.add(last);
        }
        return shown;
    }
}
