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
 * notices when it is back.
 */
public final class ReadReplica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    /** What a node does with queries while its replica does not answer. */
    public enum WhenAway { PRIMARY, REFUSE }

    /** How far the replica is behind the primary; null where it could not be measured. */
    public record Lag(Long bytes, Double seconds) {
    }

    /** The replica's connections; null on a node without one. */
    private final HikariDataSource replica;
    private final WhenAway whenAway;
    private final Duration maxLag;
    /** Whether the replica answers: noted as away when it fails, checked once a second until it is back. */
    private final DatabaseWatch watch;

    /** @param replicaConfig the replica's connection pool; null for a node that reads from the primary */
    ReadReplica(HikariConfig replicaConfig, WhenAway whenAway, Duration maxLag) {
        this.replica = replicaConfig == null ? null : new HikariDataSource(replicaConfig);
        this.whenAway = whenAway;
        this.maxLag = maxLag;
        this.watch = replica == null ? null : new DatabaseWatch(replica, "read replica");
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
        if (!watch.away()) {
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
            throw new ProblemException(ProblemType.STORAGE_UNAVAILABLE,
                    "the read replica this node answers from is not answering; try again shortly");
        }
        return answer.get();
    }

    /** Whether the replica was last seen failing and has not answered since. */
    public boolean away() {
        return watch.away();
    }

    public WhenAway whenAway() {
        return whenAway;
    }

    /** Past this lag the replica's health is DEGRADED. */
    public Duration maxLag() {
        return maxLag;
    }

    /**
     * How far the replica is behind: the bytes of the primary's write-ahead log it has yet to
     * replay, and, while there are any, how long ago it replayed the last transaction it has.
     */
    public Lag lag(DataSource primary) {
        String replayed;
        Double age;
        try (Connection connection = replica.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT pg_last_wal_replay_lsn()::text, "
                     + "EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())")) {
            row.next();
            replayed = row.getString(1);
            age = row.getObject(2) == null ? null : row.getDouble(2);
        } catch (SQLException | RuntimeException e) {
            watch.failed();
            return new Lag(null, null);
        }
        if (replayed == null) {
            return new Lag(null, null); // not a standby: nothing is replayed
        }
        try (Connection connection = primary.getConnection();
             var sql = connection.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)")) {
            sql.setString(1, replayed);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                long bytes = Math.max(0, row.getLong(1));
                return new Lag(bytes, bytes == 0 ? Double.valueOf(0) : age);
            }
        } catch (SQLException | RuntimeException e) {
            return new Lag(null, age);
        }
    }

    /** Asks the replica whether it answers; notes the answer. */
    boolean answers() {
        return watch.answers();
    }

    /** The primary as every part of the ledger sees it, whose connections come from the replica while {@link #read} runs. */
    DataSource routing(DataSource primaryBean) {
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
            watch.stop();
            replica.close();
        }
    }
}
