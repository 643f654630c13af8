package org.bayan;

import java.util.List;
import org.bayan.audit.AuditEvent;
import org.bayan.importer.Imported;
import org.bayan.media.Media;
import org.bayan.platform.config.Settings;
import org.bayan.platform.persistence.Database;
import org.bayan.search.SearchConfiguration;
import org.bayan.section.Section;
import org.bayan.section.SectionLabel;
import org.bayan.site.SiteIdentity;
import org.bayan.statement.Revision;
import org.bayan.statement.Statement;
import org.bayan.tag.Tag;
import org.bayan.tag.TagRedirect;
import org.bayan.user.User;

/**
 * Bayan's database as every entry point opens it: the web application ({@link Bootstrap}), the
 * command line ({@link ImportCommand}) and the persistence tests. Knows no servlet, so the
 * command line runs without the container's jars.
 */
public final class Schema {

    /** Every entity class, in one list so the persistence tests use exactly the same model. */
    public static final List<Class<?>> ENTITIES = List.of(User.class, Section.class, Tag.class,
            Statement.class, Revision.class, AuditEvent.class, TagRedirect.class, SectionLabel.class, Media.class,
            SiteIdentity.class, Imported.class);

    private Schema() {
    }

    /** The database with every entity and the search index, migrated. */
    public static Database open(Settings settings) {
        return Database.open(settings, ENTITIES, SearchConfiguration.properties(settings));
    }
}
