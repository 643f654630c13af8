package org.bayan.statement;

import java.time.LocalDate;
import org.bayan.media.Picture;
import org.bayan.section.SectionNode;

/**
 * A statement as a listing shows it: linked title, date line and teaser, or, in a section whose
 * archives show full text, the whole statement: lead, body (sanitised when it was saved) and source;
 * its featured image (null for none) as a thumbnail.
 */
public record StatementSummary(long id, String title, String url, LocalDate publishedOn,
                               SectionNode section, String teaser, String lead, String bodyHtml, String source,
                               String language, Picture image) {
}
