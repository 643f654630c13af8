package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.bayan.statement.Teasers;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the body teaser (V19) of every statement saved before it existed, with the same code that
 * makes it on each save ({@link Teasers#ofBody}). By id ranges, so a large archive is read a
 * thousand bodies at a time, in bounded memory.
 */
public class V20__Statement_body_teasers extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        fill(context.getConnection());
    }

    /** Makes every missing body teaser (the benchmark's archive, written in SQL, calls it too). */
    public static void fill(Connection c) throws java.sql.SQLException {
        try (PreparedStatement read = c.prepareStatement(
                "select id, body from statement where id > ? and body_teaser is null order by id limit " + BATCH);
             PreparedStatement write = c.prepareStatement("update statement set body_teaser = ? where id = ?")) {
            long after = 0;
            while (true) {
                read.setLong(1, after);
                int n = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        write.setString(1, Teasers.ofBody(rs.getString(2)));
                        write.setLong(2, after);
                        write.addBatch();
                        n++;
                    }
                }
                if (n == 0) {
                    return;
                }
                write.executeBatch();
            }
        }
    }
}
