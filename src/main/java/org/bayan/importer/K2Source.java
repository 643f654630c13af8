package org.bayan.importer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A Joomla 3 + K2 database, read over JDBC (MariaDB Connector/J, LGPL-2.1): its categories,
 * tags, authors and items, the items in batches by id so that a site of any size is read in
 * bounded memory. Only reads. The table names are K2's ({@code #__k2_items}...), with the
 * site's prefix for {@code #__}.
 *
 * <p>Joomla keeps its dates in UTC; an unset one is {@code 0000-00-00 00:00:00}, read as null.
 */
public final class K2Source implements AutoCloseable {

    /** What a connection needs: the JDBC URL, user, password, and the table prefix such as {@code jos_}. */
    public record Settings(String url, String user, String password, String prefix) {
        public Settings {
            if (url == null || !url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
                throw new ImportRefused("import.source.url");
            }
            if (prefix == null || !prefix.matches("[A-Za-z0-9_]{0,20}")) {
                throw new ImportRefused("import.source.prefix");
            }
        }
    }

    public record Category(long id, String name, String alias, long parent, boolean published, boolean trashed,
                           int ordering, String language, String description) {
    }

    public record Author(long id, String name, String username) {
    }

    /** What an item's address is made of: its id, category, alias and title (no text). */
    public record Address(long id, long catid, String alias, String title) {
    }

    /** A file attached to an item: its name under {@code media/k2/attachments/}, and its title. */
    public record AttachedFile(long id, long itemId, String filename, String title) {
    }

    public record Item(long id, String title, String alias, long catid, boolean published, boolean trashed,
                       String introtext, String fulltext, Instant created, String createdRaw, long createdBy,
                       String createdByAlias, Instant modified, Instant publishUp, Instant publishDown, boolean featured,
                       long hits, String imageCaption, String imageCredits, String metadesc, String language) {
    }

    private static final DateTimeFormatter SQL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.S]");

    private final Connection connection;
    private final String prefix;
    /** Whether the site has K2's attachments table (every K2 install has; a trimmed copy may not). */
    private boolean attachments;
    /** Whether the site has K2's comments table. */
    private boolean comments;

    private K2Source(Connection connection, String prefix) {
        this.connection = connection;
        this.prefix = prefix;
    }

    /**
     * Connects and checks that the database holds K2's tables under the prefix; refused with a
     * message a person can act on (wrong address, password, not K2).
     */
    public static K2Source open(Settings settings) {
        Properties p = new Properties();
        if (settings.user() != null) p.setProperty("user", settings.user());
        if (settings.password() != null) p.setProperty("password", settings.password());
        p.setProperty("connectTimeout", "10000");
        // A server may ask a client for any of its files (LOAD DATA LOCAL): never this one's.
        p.setProperty("allowLocalInfile", "false");
        Connection c;
        try {
            // Only MariaDB's driver ships in the WAR (MySQL's is GPL); it speaks to MySQL too.
            Class.forName("org.mariadb.jdbc.Driver");
            c = DriverManager.getConnection(settings.url().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"), p);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("MariaDB's JDBC driver is missing from the WAR", e);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            throw new ImportRefused(state.startsWith("28") ? "import.source.denied" : "import.source.unreachable",
                    oneLine(e.getMessage()));
        }
        K2Source source = new K2Source(c, settings.prefix());
        try {
            for (String table : List.of("k2_items", "k2_categories", "k2_tags", "k2_tags_xref", "users")) {
                try (var rs = c.getMetaData().getTables(c.getCatalog(), null, settings.prefix() + table, null)) {
                    if (!rs.next()) {
                        source.close();
                        throw new ImportRefused("import.source.notK2", settings.prefix() + table);
                    }
                }
            }
            source.attachments = source.hasTable("k2_attachments");
            source.comments = source.hasTable("k2_comments");
        } catch (SQLException e) {
            source.close();
            throw new ImportRefused("import.source.unreachable", oneLine(e.getMessage()));
        }
        return source;
    }

    private String table(String name) {
        return "`" + prefix + name + "`";
    }

    public List<Category> categories() {
        List<Category> categories = new ArrayList<>();
        query("select id, name, alias, parent, published, trash, ordering, language, description from " + table("k2_categories")
                + " order by parent, ordering, id", List.of(), rs -> categories.add(new Category(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getInt(5) == 1, rs.getInt(6) == 1, rs.getInt(7), rs.getString(8), rs.getString(9))));
        return categories;
    }

    /** Every tag's name by its id. */
    public Map<Long, String> tags() {
        Map<Long, String> tags = new LinkedHashMap<>();
        query("select id, name from " + table("k2_tags") + " order by id", List.of(), rs -> tags.put(rs.getLong(1), rs.getString(2)));
        return tags;
    }

    /** The Joomla accounts that wrote an item, with their names. */
    public List<Author> authors() {
        List<Author> authors = new ArrayList<>();
        query("select u.id, u.name, u.username from " + table("users") + " u where u.id in (select distinct created_by from "
                + table("k2_items") + ") order by u.id", List.of(),
                rs -> authors.add(new Author(rs.getLong(1), rs.getString(2), rs.getString(3))));
        return authors;
    }

    public long itemCount() {
        long[] n = {0};
        query("select count(*) from " + table("k2_items"), List.of(), rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /** Up to {@code limit} items with an id above {@code afterId}, by id. */
    public List<Item> items(long afterId, int limit) {
        List<Item> items = new ArrayList<>();
        query("select id, title, alias, catid, published, trash, introtext, `fulltext`, created, created_by, created_by_alias,"
                + " modified, publish_up, publish_down, featured, hits, image_caption, image_credits, metadesc, language from "
                + table("k2_items") + " where id > ? order by id limit " + limit, List.of(afterId), rs -> {
            String created = rs.getString(9);
            items.add(new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5) == 1,
                    rs.getInt(6) == 1, nz(rs.getString(7)), nz(rs.getString(8)), date(created), created, rs.getLong(10),
                    nz(rs.getString(11)), date(rs.getString(12)), date(rs.getString(13)), date(rs.getString(14)),
                    rs.getInt(15) == 1, rs.getLong(16), nz(rs.getString(17)), nz(rs.getString(18)), nz(rs.getString(19)),
                    nz(rs.getString(20))));
        });
        return items;
    }

    /** Up to {@code limit} items' addresses with an id above {@code afterId}, by id: the columns an address needs, not the texts. */
    public List<Address> addresses(long afterId, int limit) {
        List<Address> addresses = new ArrayList<>();
        query("select id, catid, alias, title from " + table("k2_items") + " where id > ? order by id limit " + limit, List.of(afterId),
                rs -> addresses.add(new Address(rs.getLong(1), rs.getLong(2), nz(rs.getString(3)), nz(rs.getString(4)))));
        return addresses;
    }

    /** The tag ids of each of these items, in K2's order. */
    public Map<Long, List<Long>> tagsOf(List<Long> itemIds) {
        Map<Long, List<Long>> tags = new HashMap<>();
        if (itemIds.isEmpty()) return tags;
        String in = String.join(",", itemIds.stream().map(String::valueOf).toList());
        query("select itemID, tagID from " + table("k2_tags_xref") + " where itemID in (" + in + ") order by itemID, id", List.of(),
                rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
        return tags;
    }

    /** The files attached to these items, in K2's order. */
    public Map<Long, List<AttachedFile>> attachmentsOf(List<Long> itemIds) {
        Map<Long, List<AttachedFile>> files = new HashMap<>();
        if (itemIds.isEmpty() || !attachments) return files;
        String in = String.join(",", itemIds.stream().map(String::valueOf).toList());
        query("select id, itemID, filename, title from " + table("k2_attachments") + " where itemID in (" + in + ") order by itemID, id",
                List.of(), rs -> files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(new AttachedFile(rs.getLong(1), rs.getLong(2), nz(rs.getString(3)), nz(rs.getString(4)))));
        return files;
    }

    /** A reader's comment on an item, as K2 keeps it. */
    public record Comment(long id, long itemId, String name, String email, String url, String date, String text, boolean published) {
    }

    /** Up to {@code limit} comments with an id above {@code afterId}, by id; none when the site has no comments table. */
    public List<Comment> comments(long afterId, int limit) {
        List<Comment> list = new ArrayList<>();
        if (!comments) return list;
        query("select id, itemID, userName, commentEmail, commentURL, commentDate, commentText, published from "
                + table("k2_comments") + " where id > ? order by id limit " + limit, List.of(afterId),
                rs -> list.add(new Comment(rs.getLong(1), rs.getLong(2), nz(rs.getString(3)), nz(rs.getString(4)),
                        nz(rs.getString(5)), nz(rs.getString(6)), nz(rs.getString(7)), rs.getInt(8) == 1)));
        return list;
    }

    private boolean hasTable(String name) {
        try (var rs = connection.getMetaData().getTables(connection.getCatalog(), null, prefix + name, null)) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** A Joomla date in UTC, or null for none ({@code 0000-00-00 00:00:00}, empty, unreadable). */
    static Instant date(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replace('T', ' '), SQL_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, Row row) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new ImportRefused("import.source.failed", oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was written through it
        }
    }
}
