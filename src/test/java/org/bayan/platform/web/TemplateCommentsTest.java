package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Notes in templates are for their readers, not the site's: written as Thymeleaf's parser-level
 * comments ({@code <!--/* ... * /-->}), which are dropped when a template is parsed, they are
 * neither sent to every reader nor processed on every render.
 */
class TemplateCommentsTest {

    private static final Pattern SENT_COMMENT = Pattern.compile("<!--(?!/\\*)");

    @Test
    void noTemplateSendsItsNotesToReaders() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("webapp/WEB-INF/templates"))) {
            offending = files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> {
                        try {
                            return SENT_COMMENT.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).sorted().toList();
        }
        assertTrue(offending.isEmpty(), "HTML comments that every page would send: " + offending);
    }
}
