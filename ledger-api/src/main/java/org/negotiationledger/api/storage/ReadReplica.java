package org.negotiationledger.api.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.problems.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A read-only copy of the database, a PostgreSQL hot standby fed by streaming replication, that
 * answers the views' questions in place of the primary (see {@link ReadReplicaConfiguration}).
 * While {@link #read} runs an answer, every connection that answer takes on this thread, its
 * transaction's included, comes from the replica, so that the view's rows and its position are
 * read from one copy (whether the view set events aside comes from the node's own record of its
 * dead letters). Commands, the views' own writes and everything else use the primary.
 *
 * <p>A replica that fails to answer is noted as away: the answer is asked of the primary instead
 * (or refused with 503, when {@code ledger.replica.when-away=refuse}); a check once a second
 * notices when it is back. So is a replica further behind the primary than
 * {@code ledger.replica.max-lag}, or one that is no standby (whose lag cannot be told), as a check
 * of its lag once a second finds: its answers would be stale without saying so. (While the primary
 * does not answer, the replica's lag cannot be measured and it goes on answering.)
 */
public final class ReadReplica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();
    /** The primary's log positions kept for measuring the lag in seconds: an hour of checks. */
    private static final int KEPT_POSITIONS = 3600;

    /** What a node does with queries while its replica does not answer. */
    public enum WhenAway { PRIMARY, REFUSE }

    /**
     * How far the replica is behind the primary (null where it could not be measured), and whether
     * it is a standby at all (one that replays the primary's write-ahead log).
     */
    public record Lag(Long bytes, Double seconds, boolean standby) {

        static final Lag UNKNOWN = new Lag(null, null, true);

        /** Whether the replica is measured further behind than {@code bound}, or is no standby. */
        boolean beyond(Duration bound) {
            return !standby || bytes != null && seconds != null && seconds * 1000 > bound.toMillis();
        }
    }

    /** The replica's connections; null on a node without one. */
    private final HikariDataSource replica;
    private final WhenAway whenAway;
    private final Duration maxLag;
    /** Whether the replica answers: noted as away when it fails, checked once a second until it is back. */
    private final DatabaseWatch watch;
    /** Measures the replica's lag once a second, once the primary is known. */
    private final ScheduledExecutorService lagCheck;
    private volatile DataSource primary;
    private volatile Lag lastLag = Lag.UNKNOWN;
    /** The primary's log position at each check, oldest first, {time in nanoseconds, bytes}; the lag check's own. */
    private final ArrayDeque<long[]> primaryPositions = new ArrayDeque<>();

    /** @param replicaConfig the replica's connection pool; null for a node that reads from the primary */
    ReadReplica(HikariConfig replicaConfig, WhenAway whenAway, Duration maxLag) {
        this.replica = replicaConfig == null ? null : new HikariDataSource(replicaConfig);
        this.whenAway = whenAway;
        this.maxLag = maxLag;
        this.watch = replica == null ? null : new DatabaseWatch(replica, "read replica");
        this.lagCheck = replica == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-replica-lag");
            thread.setDaemon(true);
            return thread;
        });
        if (lagCheck != null) {
            lagCheck.scheduleWithFixedDelay(this::checkLag, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Whether this node has a replica to read from. */
    public boolean configured() {
        return replica != null;
    }

    /** Whether the answer under way on this thread reads from the replica. */
    public static boolean reading() {
        return Boolean.TRUE.equals(READING.get());
    }

    /**
     * Runs an answer on the replica; when the replica fails to answer, notes it as away and runs
     * the answer on the primary (or refuses it). While the replica is away, answers go straight to
     * the primary.
     */
    public <T> T read(Supplier<T> answer) {
        if (replica == null) {
            return answer.get();
        }
        boolean tooFarBehind = tooFarBehind();
        if (!watch.away() && !tooFarBehind) {
            READING.set(Boolean.TRUE);
            try {
                return answer.get();
            } catch (RuntimeException e) {
                if (!StorageFailures.isStorageFailure(e)) {
                    throw e;
                }
                watch.failed();
                log.warn("The read replica did not answer; {} until it does: {}",
                        whenAway == WhenAway.PRIMARY ? "queries go to the primary" : "queries are refused",
                        e.toString());
            } finally {
                READING.remove();
            }
        }
        if (whenAway == WhenAway.REFUSE) {
            throw new ProblemException(ProblemType.STORAGE_UNAVAILABLE, tooFarBehind
                    ? "the read replica this node answers from is further behind the primary than its bound ("
                            + maxLag.toMillis() / 1000.0 + " s); try again shortly"
                    : "the read replica this node answers from is not answering; try again shortly");
        }
        return answer.get();
    }

    /** Whether the replica was last seen failing and has not answered since. */
    public boolean away() {
        return watch.away();
    }

    /** Whether the last check found the replica further behind than {@link #maxLag}, or no standby. */
    public boolean tooFarBehind() {
        return lastLag.beyond(maxLag);
    }

    /** The lag the last check measured (every part unknown before the first). */
    public Lag lastLag() {
        return lastLag;
    }

    private void checkLag() {
        DataSource measuredAgainst = primary;
        if (measuredAgainst == null || watch.away()) {
            return;
        }
        boolean wasBehind = tooFarBehind();
        try {
            lastLag = lag(measuredAgainst);
        } catch (RuntimeException e) { // a scheduled check that throws is never run again
            log.warn("Could not measure the read replica's lag: {}", e.toString());
            return;
        }
        if (tooFarBehind() != wasBehind) {
            if (wasBehind) {
                log.info("The read replica is within its bound again; queries go to it");
            } else {
                log.warn("The read replica is {}; {} until it is within its bound ({})", lastLag.standby()
                                ? lastLag.seconds() + " s behind the primary" : "no standby (it replays no log)",
                        whenAway == WhenAway.PRIMARY ? "queries go to the primary" : "queries are refused", maxLag);
            }
        }
    }

    public WhenAway whenAway() {
        return whenAway;
    }

    /** Past this lag the replica's health is DEGRADED and its queries go to the primary (or are refused). */
    public Duration maxLag() {
        return maxLag;
    }

    /**
     * How far the replica is behind: the bytes of the primary's write-ahead log it has yet to
     * replay, and for how long the primary has had some of them, from the primary's log positions
     * taken at each check (the earliest the replica has not replayed). So a replica less than a
     * check behind reads 0 s, and a primary that wrote nothing for a while is not taken for a
     * replica that replayed nothing. Unknown while the primary does not answer.
     */
    private Lag lag(DataSource primary) {
        Long replayed;
        try (Connection connection = replica.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')")) {
            row.next();
            replayed = row.getObject(1) == null ? null : row.getLong(1);
        } catch (SQLException | RuntimeException e) {
            watch.failed();
            return Lag.UNKNOWN;
        }
        if (replayed == null) {
            return new Lag(null, null, false); // not a standby: nothing is replayed
        }
        long written;
        try (Connection connection = primary.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')")) {
            row.next();
            written = row.getLong(1);
        } catch (SQLException | RuntimeException e) {
            return Lag.UNKNOWN;
        }
        long now = System.nanoTime();
        primaryPositions.addLast(new long[]{now, written});
        if (primaryPositions.size() > KEPT_POSITIONS) {
            primaryPositions.removeFirst();
        }
        double seconds = 0;
        for (long[] taken : primaryPositions) {
            if (taken[1] > replayed) {
                seconds = (now - taken[0]) / 1e9;
                break;
            }
        }
        return new Lag(Math.max(0, written - replayed), seconds, true);
    }

    /** Asks the replica whether it answers; notes the answer. */
    boolean answers() {
        return watch.answers();
    }

    /** The primary as every part of the ledger sees it, whose connections come from the replica while {@link #read} runs. */
    DataSource routing(DataSource primaryBean) {
        this.primary = primaryBean;
        return new DelegatingDataSource(primaryBean) {
            @Override
            public Connection getConnection() throws SQLException {
                return reading() ? replica.getConnection() : super.getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return reading() ? replica.getConnection() : super.getConnection(username, password);
            }
        };
    }

    @Override
    public void close() {
        if (replica != null) {
            lagCheck.shutdownNow();
            watch.stop();
            replica.close();
        }
    }
}
