package org.negotiationledger.api.views.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.negotiationledger.api.storage.DeadLetterRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The events each view has set aside, by negotiation. Every node reads the shared table once a
 * second, so that answers can say when a view is incomplete for a negotiation without asking the
 * database on every request.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long REFRESH_MILLIS = 1000;

    private final DeadLetterRows rows;
    private final EventProcessingConfiguration processing;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dead-letters");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Map<String, Long>> waiting = Map.of();

    DeadLetters(DeadLetterRows rows, EventProcessingConfiguration processing) {
        this.rows = rows;
        this.processing = processing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void follow() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stopFollowing() {
        refresher.shutdownNow();
    }

    public void refresh() {
        try {
            waiting = rows.waiting();
        } catch (RuntimeException e) {
            log.debug("Could not read the dead letters: {}", e.toString());
        }
    }

    /** How many events the view has set aside. */
    public long count(String view) {
        return waiting.getOrDefault(view, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the view has set aside events of the negotiation (null: of any negotiation). */
    public boolean incomplete(String view, String negotiationId) {
        Map<String, Long> byNegotiation = waiting.getOrDefault(view, Map.of());
        return negotiationId == null ? !byNegotiation.isEmpty() : byNegotiation.containsKey(negotiationId);
    }

    /** The negotiations for which the view is incomplete, each with how many of its events wait. */
    public Map<String, Long> negotiations(String view) {
        return waiting.getOrDefault(view, Map.of());
    }

    public List<DeadLetterRows.Letter> letters(String view, int limit) {
        return rows.letters(view, limit);
    }

    /**
     * Hands every waiting negotiation's events to the view again, in order; a negotiation whose
     * first event fails again stays set aside. Answers how many negotiations were cleared.
     */
    public int retry(String view) {
        SequencedDeadLetterProcessor<?> letters = processing.sequencedDeadLetterProcessor(view)
                .orElseThrow(() -> new IllegalArgumentException("view " + view + " has no dead-letter queue"));
        int sequences = rows.waiting().getOrDefault(view, Map.of()).size();
        int cleared = 0;
        for (int attempt = 0; attempt < sequences; attempt++) {
            if (letters.processAny()) {
                cleared++;
            }
        }
        refresh();
        return cleared;
    }
}
