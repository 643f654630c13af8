package org.bayan.backup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes a backup every {@code BAYAN_BACKUP_INTERVAL} and keeps the newest {@code BAYAN_BACKUP_KEEP}. */
public final class BackupSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
    private final ScheduledExecutorService executor;

    public BackupSchedule(BackupService backups, Duration interval, int keep) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bayan-backups");
            t.setDaemon(true);
            return t;
        });
        long minutes = Math.max(1, interval.toMinutes());
        executor.scheduleWithFixedDelay(() -> {
            try {
                backups.create();
                backups.prune(keep);
            } catch (RuntimeException e) {
                log.error("Scheduled backup failed: {}", e.getMessage());
            }
        }, minutes, minutes, TimeUnit.MINUTES);
        log.info("Backups every {} minutes into BAYAN_HOME/backups, keeping {}", minutes, keep);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
