package org.negotiationledger.api.views.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.negotiationledger.api.storage.DirectEventSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * One rebuild of one view: a fresh instance of the view's own projector, over a database in
 * which the view's tables are their {@code …_next} copies, handed the whole history in batches of
 * one transaction each, as the view's processor would. With several threads, each batch is
 * shared out by negotiation (a negotiation's events stay in order on one thread, as the live
 * view's segments share them) and handled by the threads at once, each in a transaction of its
 * own; the next batch begins when every part of this one is stored.
 */
final class ViewRebuild implements AutoCloseable {

    private static final int BATCH = 500;

    private final AnnotationEventHandlerAdapter projector;
    private final SpringTransactionManager transactions;
    private final BlockingStream<TrackedEventMessage<?>> history;
    private final int threads;
    private final ExecutorService workers;
    private TrackingToken token;

    ViewRebuild(String view, ApplicationContext context, DataSource dataSource, List<String> tables,
                DirectEventSource events, int threads) {
        RenamingDataSource copies = new RenamingDataSource(dataSource, tables);
        this.projector = new AnnotationEventHandlerAdapter(newProjector(view, context, new JdbcTemplate(copies)));
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(copies));
        this.history = events.openStream(null);
        this.threads = threads;
        AtomicInteger number = new AtomicInteger();
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "view-rebuild-" + view + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where the rebuild is: the token of the last event handled, or null before the first. */
    TrackingToken token() {
        return token;
    }

    long position() {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * Handles the history until it has passed {@code target} and then nothing more arrives for a
     * second, or new events keep arriving for {@code atMostMillis} more (a busy ledger never falls
     * quiet); tells {@code progress} after each batch.
     */
    void catchUp(long target, long atMostMillis, LongConsumer progress) throws Exception {
        long quietSince = millis();
        long caughtUpAt = -1;
        while (true) {
            if (history.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                handleBatch();
                progress.accept(position());
                quietSince = millis();
            }
            long now = millis();
            if (position() >= target && caughtUpAt < 0) {
                caughtUpAt = now;
            }
            if (caughtUpAt >= 0 && (now - quietSince >= 1000 || now - caughtUpAt >= atMostMillis)) {
                return;
            }
        }
    }

    /**
     * Handles the history until it has passed {@code head}; positions below it still open (a
     * transaction not yet committed) stay gaps in the token, as they would for the processor.
     */
    void until(long head, long timeoutMillis) throws Exception {
        long deadline = millis() + timeoutMillis;
        while (position() < head) {
            if (history.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                handleBatch();
            } else if (millis() > deadline) {
                throw new IllegalStateException("the history did not reach position " + head + " in time");
            }
        }
    }

    /**
     * Handles the history until the rebuild has handled every event each of {@code tokens} has
     * (the shared processor's, paused): then the rebuilt view lacks nothing the live one had.
     */
    void covering(List<TrackingToken> tokens, long timeoutMillis) throws Exception {
        long deadline = millis() + timeoutMillis;
        while (!tokens.stream().allMatch(shared -> shared == null || handOver().covers(shared))) {
            if (history.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                handleBatch();
            } else if (millis() > deadline) {
                throw new IllegalStateException("the rebuild did not reach the shared processor's position in time");
            }
        }
    }

    private void handleBatch() throws Exception {
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        while (batch.size() < BATCH * threads && history.hasNextAvailable()) {
            batch.add(history.nextAvailable());
        }
        if (workers == null) {
            handle(batch);
        } else {
            List<List<TrackedEventMessage<?>>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                parts.add(new ArrayList<>());
            }
            for (TrackedEventMessage<?> event : batch) {
                String negotiation = event instanceof DomainEventMessage<?> domain
                        ? domain.getAggregateIdentifier() : "";
                parts.get(Math.floorMod(negotiation.hashCode(), threads)).add(event);
            }
            List<Future<?>> handled = new ArrayList<>();
            for (List<TrackedEventMessage<?>> part : parts) {
                if (!part.isEmpty()) {
                    handled.add(workers.submit(() -> handle(part)));
                }
            }
            for (Future<?> part : handled) {
                try {
                    part.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        token = batch.get(batch.size() - 1).trackingToken();
    }

    /** Handles events in one unit of work and one transaction. */
    private void handle(List<TrackedEventMessage<?>> events) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            for (TrackedEventMessage<?> event : events) {
                try {
                    projector.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("the rebuilt view failed on event " + event.getIdentifier()
                            + ": " + e.getMessage(), e);
                }
            }
        });
    }

    /** Where this rebuild stopped: what it has handled. */
    TrackingToken handOver() {
        return token != null ? token : GapAwareTrackingToken.newInstance(-1, List.of());
    }

    @Override
    public void close() {
        history.close();
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /**
     * A new instance of the view's projector, its constructor given {@code jdbc} for a JdbcTemplate and
     * the application's beans for anything else.
     */
    private static Object newProjector(String view, ApplicationContext context, JdbcTemplate jdbc) {
        Object live = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> view.equals(bean.getClass().getAnnotation(ProcessingGroup.class).value()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no projector for view " + view));
        Constructor<?> constructor = live.getClass().getDeclaredConstructors()[0];
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] types = constructor.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i] == JdbcTemplate.class ? jdbc : context.getBean(types[i]);
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a projector for view " + view, e);
        }
    }

    /** Milliseconds of a monotonic clock, for waiting: not a time of day. */
    private static long millis() {
        return System.nanoTime() / 1_000_000;
    }
}
