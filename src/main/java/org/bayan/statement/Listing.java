package org.bayan.statement;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * One page of a listing, with the total it was cut from and, for section listings, how many
 * statements each day has (the archive navigation is drawn from it).
 */
public record Listing(List<StatementSummary> items, long total, SortedMap<LocalDate, Integer> days) {
}
