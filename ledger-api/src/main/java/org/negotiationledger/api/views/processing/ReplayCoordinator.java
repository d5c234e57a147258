package org.negotiationledger.api.views.processing;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.negotiationledger.api.storage.DeadLetterRows;
import org.negotiationledger.api.storage.DirectEventSource;
import org.negotiationledger.api.storage.ViewTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Rebuilds a view from the start of the history without taking it away from its readers.
 *
 * <p>The node asked to replay raises the view's generation in view_replay with state BUILDING
 * and rebuilds the view into fresh copies of its tables ({@link ViewTables}), with the view's own
 * projector ({@link ViewRebuild}), while the live view goes on answering and following new
 * events. Once the rebuild has caught up, the state becomes SWITCHING: every node pauses the
 * processor the views share, the rebuild handles the last events up to the head and at least as
 * far as that processor got, and in one transaction the copies take the live tables' place and
 * where the rebuild stopped is recorded as handed over ({@link ViewHandovers}: the shared
 * processor skips, for this view, what the rebuild already handled); the state becomes DONE and
 * every node starts the processor again, the view now on the rebuilt tables. A rebuild that
 * fails, or whose node goes away, is marked FAILED and the live view is left as it was.
 *
 * <p>A view the ledger has not built yet (added to a ledger that already has a history) is
 * replayed at start.
 */
@Component
public class ReplayCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);
    private static final long WATCH_MILLIS = 250;
    /** Axon's JDBC token store takes over a claim not renewed for this long. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    /**
     * A node says its replay is alive this often from the request on, whatever the replay is doing
     * (waiting for this node's other rebuilds, catching up, waiting for the other nodes to pause the
     * view, switching the tables).
     */
    private static final Duration ALIVE_EVERY = Duration.ofSeconds(1);
    /** A replay whose node has not said it is alive for this long is taken to be gone. */
    private static final Duration SILENT_REBUILD = Duration.ofSeconds(8);

    private final ViewProgress views;
    private final ViewTables tables;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ViewHandovers handovers;
    private final DirectEventSource events;
    private final ApplicationContext context;
    private final ViewTokens storedTokens;
    private final DeadLetterRows deadLetters;
    private final Clock clock;
    private final Duration stopTimeout;
    private final int rebuildThreads;
    /** Held while a view's tables change place, so that no answer on this node reads between. */
    private final ReadWriteLock switching = new ReentrantReadWriteLock();
    private final ScheduledExecutorService watcher = daemon("view-replay");
    private final ScheduledExecutorService rebuilder = daemon("view-rebuild");
    /** Says a rebuild of this node is alive; a thread of its own, which nothing else keeps busy. */
    private final ScheduledExecutorService aliveness = daemon("view-rebuild-alive");
    /** Per view, the generation whose SWITCHING this node has obeyed. */
    private final Map<String, Long> stoppedFor = new ConcurrentHashMap<>();
    /** The views whose switch holds the shared processor paused on this node. */
    private final Set<String> pausedFor = new HashSet<>();

    ReplayCoordinator(ViewProgress views, ViewTables tables, JdbcTemplate jdbc, DataSource dataSource,
                      PlatformTransactionManager transactions, ViewHandovers handovers, DirectEventSource events,
                      ApplicationContext context, ViewTokens storedTokens, DeadLetterRows deadLetters, Clock clock,
                      @Value("${ledger.views.replay-stop-timeout:PT30S}") Duration stopTimeout,
                      @Value("${ledger.views.replay-threads:0}") int rebuildThreads) {
        this.views = views;
        this.tables = tables;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.handovers = handovers;
        this.events = events;
        this.context = context;
        this.storedTokens = storedTokens;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.stopTimeout = stopTimeout;
        // 0: as many as the machine has cores.
        this.rebuildThreads = rebuildThreads > 0 ? rebuildThreads : Runtime.getRuntime().availableProcessors();
    }

    /** Thrown when a replay of the view is already under way. */
    public static class ReplayInProgressException extends RuntimeException {
        ReplayInProgressException(String name) {
            super("a replay of view '" + name + "' is already under way");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        dropLeftoversOfAbandonedReplays();
        buildNewViews();
        watcher.scheduleWithFixedDelay(this::followReplays, 0, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A view added to a ledger that already has a history is built from all of it, as a replay. */
    private void buildNewViews() {
        for (String name : views.names()) {
            if (!handovers.registered(name)) {
                try {
                    request(name, "the ledger, for a new view");
                    log.info("View {} is new: it is built from the whole history", name);
                } catch (ReplayInProgressException anotherNodeBuildsIt) {
                    log.info("View {} is new and being built by another node", name);
                }
            }
        }
    }

    /**
     * At start: the copies a replay left behind when its node died (no replay of the view is
     * under way, or the one that is has gone silent) are dropped.
     */
    private void dropLeftoversOfAbandonedReplays() {
        for (String name : views.names()) {
            Optional<ReplayState> replay = state(name);
            if (replay.isEmpty() || !replay.get().underWay() || abandon(name)) {
                dropLeftovers(name);
            }
        }
    }

    /** Marks the view's replay failed when it is under way and its node has gone silent; whether it did. */
    private boolean abandon(String name) {
        return jdbc.update("UPDATE view_replay SET state = ?, error = ? WHERE processor_name = ? AND state IN (?, ?) "
                        + "AND heartbeat_at < ?", ReplayState.FAILED, "abandoned: the rebuilding node went silent",
                name, ReplayState.BUILDING, ReplayState.SWITCHING,
                now().minus(SILENT_REBUILD)) > 0;
    }

    @EventListener(ContextClosedEvent.class)
    void stopWatching() {
        watcher.shutdownNow();
        rebuilder.shutdownNow();
        aliveness.shutdownNow();
    }

    /** Runs {@code answer} while no view's tables change place on this node. */
    public <T> T whileNotSwitching(Supplier<T> answer) {
        switching.readLock().lock();
        try {
            return answer.get();
        } finally {
            switching.readLock().unlock();
        }
    }

    /** The last replay of the view, if any was ever requested. */
    public Optional<ReplayState> state(String name) {
        return jdbc.query("SELECT generation, state, requested_by, requested_at, reset_at, error, rebuilt_position, "
                        + "target_position FROM view_replay WHERE processor_name = ?",
                (row, n) -> new ReplayState(row.getLong("generation"), row.getString("state"),
                        row.getString("requested_by"), instant(row.getObject("requested_at", OffsetDateTime.class)),
                        instant(row.getObject("reset_at", OffsetDateTime.class)), row.getString("error"),
                        row.getObject("rebuilt_position", Long.class), row.getObject("target_position", Long.class)),
                name).stream().findFirst();
    }

    /** Starts a replay of the view; the work goes on in the background. */
    public ReplayState request(String name, String requestedBy) {
        views.processor(name).orElseThrow(() -> new IllegalArgumentException("no view named " + name));
        OffsetDateTime now = now();
        int claimed = jdbc.update("UPDATE view_replay SET generation = generation + 1, state = ?, requested_by = ?, "
                        + "requested_at = ?, reset_at = NULL, error = NULL, rebuilt_position = NULL, "
                        + "target_position = NULL, heartbeat_at = ? WHERE processor_name = ? AND state <> ? "
                        + "AND state <> ?", ReplayState.BUILDING, requestedBy, now, now, name, ReplayState.BUILDING,
                ReplayState.SWITCHING);
        if (claimed == 0) {
            if (state(name).isPresent()) {
                throw new ReplayInProgressException(name);
            }
            try {
                jdbc.update("INSERT INTO view_replay (processor_name, generation, state, requested_by, requested_at, "
                        + "heartbeat_at) VALUES (?, 1, ?, ?, ?, ?)", name, ReplayState.BUILDING, requestedBy, now, now);
            } catch (DuplicateKeyException askedAtTheSameTime) {
                throw new ReplayInProgressException(name);
            }
        }
        ReplayState requested = state(name).orElseThrow();
        // Alive from now on: a replay may wait behind this node's other rebuilds before it begins.
        ScheduledFuture<?> alive = aliveness.scheduleWithFixedDelay(() -> alive(name, requested.generation()),
                ALIVE_EVERY.toMillis(), ALIVE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            rebuilder.execute(() -> {
                try {
                    rebuild(name, requested.generation());
                } finally {
                    alive.cancel(false);
                }
            });
        } catch (RuntimeException notQueued) {
            alive.cancel(false);
            throw notQueued;
        }
        return requested;
    }

    private void rebuild(String name, long generation) {
        try {
            tables.createNext(name, generation);
            long target = views.head();
            jdbc.update("UPDATE view_replay SET target_position = ? WHERE processor_name = ? AND generation = ?",
                    target, name, generation);
            try (ViewRebuild rebuild = new ViewRebuild(name, context, dataSource, tables.of(name), events,
                    rebuildThreads)) {
                rebuild.catchUp(target, stopTimeout.toMillis(), position -> heartbeat(name, generation, position));
                tables.analyzeNext(name);
                update(name, generation, ReplayState.SWITCHING, null);
                stoppedFor.put(name, generation);
                pause(name);
                awaitNoOwner();
                rebuild.until(views.head(), stopTimeout.toMillis());
                rebuild.covering(views.sharedTokens(), stopTimeout.toMillis());
                takeOver(name, generation, rebuild.handOver());
            }
            log.info("View {} rebuilt and taken over", name);
        } catch (Exception e) {
            log.warn("Replay of view {} failed; the view is as it was", name, e);
            dropLeftovers(name);
            update(name, generation, ReplayState.FAILED, e.getMessage());
        } finally {
            resume(name);
        }
    }

    /** Stops the shared processor on this node while the view's tables change place. */
    private void pause(String name) {
        synchronized (pausedFor) {
            pausedFor.add(name);
            views.shared().shutdownAsync().join();
        }
    }

    /** Starts the shared processor again once no view's switch holds it paused, with the handovers as they now are. */
    private void resume(String name) {
        synchronized (pausedFor) {
            if (pausedFor.remove(name) && pausedFor.isEmpty() && !views.shared().isRunning()) {
                handovers.load();
                views.shared().start();
            }
        }
    }

    private void alive(String name, long generation) {
        try {
            jdbc.update("UPDATE view_replay SET heartbeat_at = ? WHERE processor_name = ? AND generation = ?", now(),
                    name, generation);
        } catch (RuntimeException e) {
            log.warn("Could not say that the replay of view {} is alive: {}", name, e.toString());
        }
    }

    /** The copies take the live tables' place, and the shared processor skips for the view what the rebuild handled. */
    private void takeOver(String name, long generation, TrackingToken token) {
        switching.writeLock().lock();
        try {
            transaction.executeWithoutResult(status -> {
                int ours = jdbc.update("UPDATE view_replay SET state = ?, reset_at = ?, heartbeat_at = ? "
                        + "WHERE processor_name = ? AND generation = ? AND state = ?", ReplayState.DONE, now(), now(),
                        name, generation, ReplayState.SWITCHING);
                if (ours == 0) {
                    throw new IllegalStateException("the replay was taken for abandoned while it switched");
                }
                tables.takeOver(name);
                tables.dropLeftovers(name);
                handovers.replace(name, token);
                deadLetters.clear(name);
            });
        } finally {
            switching.writeLock().unlock();
        }
    }

    private void dropLeftovers(String name) {
        try {
            tables.dropLeftovers(name);
        } catch (RuntimeException e) {
            log.warn("Could not drop the copies a failed replay of view {} left", name, e);
        }
    }

    private void heartbeat(String name, long generation, long position) {
        jdbc.update("UPDATE view_replay SET rebuilt_position = ?, heartbeat_at = ? WHERE processor_name = ? "
                + "AND generation = ?", position, now(), name, generation);
    }

    private void update(String name, long generation, String state, String error) {
        jdbc.update("UPDATE view_replay SET state = ?, error = ?, heartbeat_at = ? WHERE processor_name = ? "
                + "AND generation = ?", state, ReplayState.trimmed(error), now(), name, generation);
    }

    private void awaitNoOwner() throws InterruptedException {
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        while (storedTokens.held(ViewProcessingConfiguration.PROCESSOR, CLAIM_TIMEOUT) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("other nodes still process the views after "
                        + stopTimeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Every node: stop a view while another node's rebuild takes over, start it again afterwards;
     * mark a replay whose node went silent as failed.
     */
    void followReplays() {
        try {
            List<Replay> replays = jdbc.query("SELECT processor_name, generation, state, heartbeat_at FROM view_replay",
                    (row, n) -> new Replay(row.getString(1), row.getLong(2), row.getString(3),
                            instant(row.getObject(4, OffsetDateTime.class))));
            for (Replay replay : replays) {
                Optional<StreamingEventProcessor> processor = views.processor(replay.name());
                if (processor.isEmpty()) {
                    continue;
                }
                long obeyed = stoppedFor.getOrDefault(replay.name(), 0L);
                boolean underWay = ReplayState.BUILDING.equals(replay.state())
                        || ReplayState.SWITCHING.equals(replay.state());
                Duration silence = replay.heartbeat() == null ? Duration.ZERO
                        : Duration.between(replay.heartbeat(), clock.instant());
                if (underWay && silence.compareTo(SILENT_REBUILD) > 0) {
                    if (abandon(replay.name())) {
                        log.warn("The replay of view {} was abandoned: its node went silent", replay.name());
                        dropLeftovers(replay.name());
                    }
                } else if (ReplayState.SWITCHING.equals(replay.state()) && replay.generation() > obeyed) {
                    stoppedFor.put(replay.name(), replay.generation());
                    pause(replay.name());
                    log.info("Views paused here while another node's rebuild of {} takes over", replay.name());
                } else if (!underWay && replay.generation() == obeyed) {
                    resume(replay.name());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not follow view replays: {}", e.toString());
        }
    }

    private record Replay(String name, long generation, String state, Instant heartbeat) {
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
