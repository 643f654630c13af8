package org.bayan.sitemap;

import java.time.Instant;

/** A statement as a news sitemap lists it: address, title, publication time and language. */
record NewsUrl(String path, String title, Instant publishedAt, String language) {
}
