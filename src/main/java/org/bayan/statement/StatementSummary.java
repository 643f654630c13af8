package org.bayan.statement;

import java.time.LocalDate;
import org.bayan.section.SectionNode;

/** A statement as a listing shows it: linked title, date line and teaser. */
public record StatementSummary(long id, String title, String url, LocalDate publishedOn,
                               SectionNode section, String teaser) {
}
