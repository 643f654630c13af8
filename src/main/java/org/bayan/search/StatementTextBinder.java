package org.bayan.search;

import java.util.ArrayList;
import java.util.List;
import org.bayan.statement.Statement;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.IndexFieldType;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Puts a statement's title, lead and text (its body as plain text) into the fields of the
 * statement's language, analysed for that language (see {@link SearchAnalysis}). The other
 * languages' fields stay empty for it.
 */
public final class StatementTextBinder implements TypeBinder {

    public static final String TITLE = "title";
    public static final String LEAD = "lead";
    public static final String TEXT = "text";

    /** The three fields of one language. */
    private record Fields(IndexFieldReference<String> title, IndexFieldReference<String> lead,
                          IndexFieldReference<String> text) {
    }

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().use("title").use("lead").use("body").use("language");
        List<Fields> fields = new ArrayList<>();
        for (SearchAnalysis.Language language : SearchAnalysis.LANGUAGES) {
            IndexFieldType<String> type = context.typeFactory().asString().analyzer(language.analyzer())
                    .highlightable(List.of(Highlightable.ANY)).toIndexFieldType();
            var schema = context.indexSchemaElement();
            fields.add(new Fields(
                    schema.field(SearchAnalysis.field(TITLE, language), type).toReference(),
                    schema.field(SearchAnalysis.field(LEAD, language), type).toReference(),
                    schema.field(SearchAnalysis.field(TEXT, language), type).toReference()));
        }
        context.bridge(Statement.class, new Bridge(List.copyOf(fields)));
    }

    private record Bridge(List<Fields> fields) implements TypeBridge<Statement> {
        @Override
        public void write(DocumentElement target, Statement s, TypeBridgeWriteContext context) {
            Fields f = fields.get(SearchAnalysis.LANGUAGES.indexOf(SearchAnalysis.of(s.getLanguage())));
            target.addValue(f.title(), s.getTitle());
            if (s.getLead() != null) {
                target.addValue(f.lead(), s.getLead());
            }
            target.addValue(f.text(), s.getBodyText());
        }
    }
}
