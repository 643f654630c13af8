package org.bayan.platform.web;

/** One step of the breadcrumb; the last one, the current page, has no link. */
public record Crumb(String label, String path) {

    public static Crumb current(String label) {
        return new Crumb(label, null);
    }
}
