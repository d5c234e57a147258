package org.negotiationledger.api.views;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a view from the start of the history, on every node at once.
 *
 * <p>The node asked to replay raises the view's generation in view_replay with state STOPPING.
 * Every node watches that table and stops its processor for the view, which gives up its
 * segments. Once no node holds one, the asking node resets the tokens (its reset handler
 * empties the view's tables in the same transaction), sets the state to RUNNING and starts its
 * processor; the other nodes start theirs when they see RUNNING. A replay that cannot reset in
 * time is marked FAILED and every node carries on as before.
 */
@Component
public class ReplayCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);
    private static final long WATCH_MILLIS = 250;
    /** Axon's JDBC token store takes over a claim not renewed for this long. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final ViewProgress views;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration stopTimeout;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-replay");
        thread.setDaemon(true);
        return thread;
    });
    /** Per view, the generation whose STOPPING this node has obeyed. */
    private final Map<String, Long> stoppedFor = new ConcurrentHashMap<>();

    ReplayCoordinator(ViewProgress views, JdbcTemplate jdbc, Clock clock,
                      @Value("${ledger.views.replay-stop-timeout:PT30S}") Duration stopTimeout) {
        this.views = views;
        this.jdbc = jdbc;
        this.clock = clock;
        this.stopTimeout = stopTimeout;
    }

    /** Thrown when a replay of the view is already under way. */
    public static class ReplayInProgressException extends RuntimeException {
        ReplayInProgressException(String name) {
            super("a replay of view '" + name + "' is already under way");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        worker.scheduleWithFixedDelay(this::followReplays, 0, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stopWatching() {
        worker.shutdownNow();
    }

    /** The last replay of the view, if any was ever requested. */
    public Optional<ReplayState> state(String name) {
        return jdbc.query("SELECT generation, state, requested_by, requested_at, reset_at, error FROM view_replay "
                        + "WHERE processor_name = ?",
                (row, n) -> new ReplayState(row.getLong("generation"), row.getString("state"),
                        row.getString("requested_by"), instant(row.getObject("requested_at", OffsetDateTime.class)),
                        instant(row.getObject("reset_at", OffsetDateTime.class)), row.getString("error")),
                name).stream().findFirst();
    }

    /** Starts a replay of the view; the work goes on in the background. */
    public ReplayState request(String name, String requestedBy) {
        views.processor(name).orElseThrow(() -> new IllegalArgumentException("no view named " + name));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int claimed = jdbc.update("UPDATE view_replay SET generation = generation + 1, state = ?, requested_by = ?, "
                        + "requested_at = ?, reset_at = NULL, error = NULL WHERE processor_name = ? AND state <> ?",
                ReplayState.STOPPING, requestedBy, now, name, ReplayState.STOPPING);
        if (claimed == 0) {
            if (state(name).isPresent()) {
                throw new ReplayInProgressException(name);
            }
            try {
                jdbc.update("INSERT INTO view_replay (processor_name, generation, state, requested_by, requested_at) "
                        + "VALUES (?, 1, ?, ?, ?)", name, ReplayState.STOPPING, requestedBy, now);
            } catch (DuplicateKeyException askedAtTheSameTime) {
                throw new ReplayInProgressException(name);
            }
        }
        ReplayState requested = state(name).orElseThrow();
        worker.execute(() -> replay(name, requested.generation()));
        return requested;
    }

    private void replay(String name, long generation) {
        StreamingEventProcessor processor = views.processor(name).orElseThrow();
        stoppedFor.put(name, generation);
        processor.shutdownAsync().join();
        try {
            awaitNoOwner(name);
            processor.resetTokens();
            jdbc.update("UPDATE view_replay SET state = ?, reset_at = ? WHERE processor_name = ? AND generation = ?",
                    ReplayState.RUNNING, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), name,
                    generation);
            log.info("View {} reset; rebuilding it from the start of the history", name);
        } catch (RuntimeException e) {
            log.warn("Replay of view {} failed", name, e);
            jdbc.update("UPDATE view_replay SET state = ?, error = ? WHERE processor_name = ? AND generation = ?",
                    ReplayState.FAILED, String.valueOf(e.getMessage()), name, generation);
        } finally {
            processor.start();
        }
    }

    private void awaitNoOwner(String name) {
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        while (ownedSegments(name) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("other nodes still process view '" + name + "' after "
                        + stopTimeout.toSeconds() + " s");
            }
            sleep();
        }
    }

    /**
     * The segments of the view a live node still holds. A claim not renewed for longer than the
     * token store's claim timeout belongs to a node that is gone; the reset takes it over.
     */
    private long ownedSegments(String name) {
        Instant stale = Instant.now().minus(CLAIM_TIMEOUT);
        return jdbc.queryForList("SELECT timestamp FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL",
                String.class, name).stream().filter(claimed -> Instant.parse(claimed).isAfter(stale)).count();
    }

    /** Every node: stop a view another node is about to reset; start it again once the reset is done. */
    void followReplays() {
        try {
            List<Replay> replays = jdbc.query("SELECT processor_name, generation, state, requested_at FROM view_replay",
                    (row, n) -> new Replay(row.getString(1), row.getLong(2), row.getString(3),
                            row.getObject(4, OffsetDateTime.class).toInstant()));
            for (Replay replay : replays) {
                Optional<StreamingEventProcessor> processor = views.processor(replay.name());
                if (processor.isEmpty()) {
                    continue;
                }
                long obeyed = stoppedFor.getOrDefault(replay.name(), 0L);
                boolean stopping = ReplayState.STOPPING.equals(replay.state());
                if (stopping && replay.requestedAt().plus(stopTimeout.multipliedBy(2)).isBefore(clock.instant())) {
                    // The node that asked for it is gone; let every node go on as before.
                    jdbc.update("UPDATE view_replay SET state = ?, error = ? WHERE processor_name = ? "
                                    + "AND generation = ? AND state = ?", ReplayState.FAILED,
                            "abandoned: the view was not reset in time", replay.name(), replay.generation(),
                            ReplayState.STOPPING);
                } else if (stopping && replay.generation() > obeyed) {
                    stoppedFor.put(replay.name(), replay.generation());
                    processor.get().shutdownAsync().join();
                    log.info("View {} stopped here while another node replays it", replay.name());
                } else if (!stopping && replay.generation() == obeyed && !processor.get().isRunning()) {
                    processor.get().start();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not follow view replays", e);
        }
    }

    private record Replay(String name, long generation, String state, Instant requestedAt) {
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for other nodes", e);
        }
    }
}
