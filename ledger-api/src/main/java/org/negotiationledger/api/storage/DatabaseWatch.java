package org.negotiationledger.api.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Remembers that the database stopped answering, so that commands fail at once rather than each
 * waiting out its own timeouts while the database is away; checks once a second whether it is
 * back, and then lets commands through again.
 */
@Component
public class DatabaseWatch {

    static final int CHECK_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

    private final DataSource dataSource;
    /** What is watched, in words: "database", "read replica". */
    private final String name;
    private final ScheduledExecutorService checker;
    private volatile boolean away;

    /** The watch of the ledger's database. */
    @Autowired
    DatabaseWatch(DataSource dataSource) {
        this(dataSource, "database");
    }

    /** A watch of another database, such as a read replica; stopped by {@link #stop}. */
    DatabaseWatch(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
        this.checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name.replace(' ', '-') + "-watch");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::checkWhileAway, 1, 1, TimeUnit.SECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        checker.shutdownNow();
    }

    /** Whether the database was last seen failing and has not answered since. */
    public boolean away() {
        return away;
    }

    /** Takes note that the database failed: it is away until it answers. */
    public void failed() {
        away = true;
    }

    /** Asks the database whether it answers; notes the answer. */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            away = !connection.isValid(CHECK_SECONDS);
        } catch (SQLException | RuntimeException e) {
            away = true;
        }
        return !away;
    }

    private void checkWhileAway() {
        if (away && answers()) {
            log.info("The {} answers again", name);
        }
    }
}
