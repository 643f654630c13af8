package org.bayan.platform.web;

import java.util.List;
import java.util.Map;

/**
 * A page to render: its template, its model, its breadcrumb, and its canonical path (null
 * for the path it was requested at).
 */
public record Page(String template, Map<String, Object> model, List<Crumb> breadcrumb, String canonicalPath) {
}
