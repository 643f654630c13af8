package org.bayan.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bayan.section.SectionNode;

/** Everything the public page of one statement shows. {@code bodyHtml} was sanitised on save. */
public record StatementPage(long id, String title, String slug, String url, Instant publishedAt,
                            LocalDate publishedOn, SectionNode section, String lead, String bodyHtml,
                            String source, String language, List<TagLink> tags,
                            StatementSummary older, StatementSummary newer) {

    public record TagLink(String name, String slug) {
    }
}
