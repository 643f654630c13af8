package org.bayan.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.bayan.platform.web.ChangeNotice;
import org.bayan.platform.web.OtherNodes;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other nodes of a site on PostgreSQL, told and heard through the database's own
 * {@code NOTIFY}/{@code LISTEN} on the channel {@value #CHANNEL}: no extra server, no polling.
 * A notice is a {@link ChangeNotice}; a node ignores its own. One
 * connection of the pool is kept listening; if it breaks (the database restarted), it is
 * opened again and, since notices may have been missed meanwhile, everything counts as changed.
 */
public final class PostgresNodes implements OtherNodes {

    private static final Logger log = LoggerFactory.getLogger(PostgresNodes.class);
    static final String CHANNEL = "bayan_changes";
    /** PostgreSQL refuses payloads of 8000 bytes or more: longer lists of keys become "all". */
    private static final int MAX_PAYLOAD = 7000;

    private final DataSource dataSource;
    private final String node;
    private final Thread listener;
    private volatile Consumer<Optional<Set<String>>> onChange = keys -> { };
    private volatile boolean open = true;
    private volatile Connection listening;

    public PostgresNodes(DataSource dataSource) {
        this.dataSource = dataSource;
        this.node = ChangeNotice.newNode();
        this.listener = new Thread(this::listen, "bayan-other-nodes");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    @Override
    public void changed(Optional<Set<String>> keys) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, ChangeNotice.of(node, keys, MAX_PAYLOAD));
            s.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            // The change itself is saved; the other nodes show it once their next change comes.
            log.warn("Could not tell the other nodes of a change: {}", e.getMessage());
        }
    }

    @Override
    public void onChange(Consumer<Optional<Set<String>>> listener) {
        this.onChange = listener;
    }

    private void listen() {
        boolean first = true;
        while (open) {
            try (Connection c = dataSource.getConnection()) {
                listening = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    log.info("Listening to the other nodes again; everything counts as changed");
                    onChange.accept(Optional.empty());
                }
                first = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null) {
                        for (PGNotification n : notices) {
                            heard(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!open || !ChangeNotice.pauseAfterLoss(e)) {
                    return;
                }
            } finally {
                listening = null;
            }
        }
    }

    private void heard(String notice) {
        Optional<Set<String>> keys = ChangeNotice.read(node, notice);
        if (keys == null) {
            return; // not ours to read, or our own
        }
        ChangeNotice.deliver(onChange, keys);
    }

    @Override
    public void close() {
        open = false;
        listener.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
