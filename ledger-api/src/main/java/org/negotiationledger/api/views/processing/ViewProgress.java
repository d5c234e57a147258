package org.negotiationledger.api.views.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.negotiationledger.api.storage.ReadReplica;
import org.negotiationledger.api.storage.StoreHeads;
import org.negotiationledger.api.storage.ViewTokens;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how far each view is from the token store, which every node shares; for the segments
 * this node processes, from its processor, which knows a moment sooner. During an answer from a
 * read replica ({@link ReadReplica#reading()}), from the replica's copy of the token store alone. The views share one
 * processor, so they share its position, except where a view has handled events apart from it
 * ({@link ViewHandovers}: after a replay, its rebuild may have gone further).
 */
@Component
public class ViewProgress {

    /** How often a waiting request reads the progress of segments other nodes hold. */
    private static final Duration ACROSS_NODES = Duration.ofMillis(250);
    /**
     * How often a waiting request reads the progress of a read replica's copy of the view (during
     * an answer from one): the replica is a few milliseconds behind the primary, and is asked alone.
     */
    private static final Duration ON_REPLICA = Duration.ofMillis(20);

    private final EventProcessingConfiguration processing;
    private final StoreHeads heads;
    private final ViewTokens storedTokens;
    private final ViewSignals signals;
    private final Serializer serializer;
    private final DeadLetters deadLetters;
    private final ViewHandovers handovers;
    /** At most this many negotiations are named as incomplete in a view's status. */
    private static final int NAMED = 100;

    ViewProgress(EventProcessingConfiguration processing, StoreHeads heads, ViewTokens storedTokens,
                 Serializer serializer, DeadLetters deadLetters, ViewSignals signals, ViewHandovers handovers) {
        this.processing = processing;
        this.heads = heads;
        this.storedTokens = storedTokens;
        this.signals = signals;
        this.serializer = serializer;
        this.deadLetters = deadLetters;
        this.handovers = handovers;
    }

    /** The views this node runs, by name. */
    public List<String> names() {
        return handovers.views();
    }

    /** The processor the view runs in, which every view shares; empty for a name that is no view. */
    public Optional<StreamingEventProcessor> processor(String name) {
        return names().contains(name) ? Optional.of(shared()) : Optional.empty();
    }

    /** The processor the views share. */
    StreamingEventProcessor shared() {
        return processing.eventProcessor(ViewProcessingConfiguration.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The global position of the last event stored; -1 when the store is empty. */
    public long head() {
        return heads.store();
    }

    public ViewStatus status(String name, ReplayState replay) {
        StreamingEventProcessor processor = processor(name)
                .orElseThrow(() -> new IllegalArgumentException("no view named " + name));
        long head = head();
        // A replay rebuilds the view beside its live tables; the live segments follow the history as ever.
        boolean replaying = replay != null && replay.underWay();
        double progress = replay == null ? 1 : replay.progress();
        List<ViewStatus.Segment> segments = new ArrayList<>();
        for (SegmentToken segment : tokens(processor)) {
            segments.add(new ViewStatus.Segment(segment.segment(), position(segment.token()), replaying,
                    segment.owner(), segment.error()));
        }
        long position = Math.max(handovers.position(name), segments.isEmpty() ? -1
                : segments.stream().mapToLong(ViewStatus.Segment::position).min().orElse(-1));
        long waiting = deadLetters.count(name);
        String state = segments.stream().anyMatch(segment -> segment.error() != null) ? ViewStatus.FAILING
                : replaying ? ViewStatus.REPLAYING
                : waiting > 0 ? ViewStatus.DEGRADED
                : ViewStatus.UP;
        List<String> incomplete = deadLetters.negotiations(name).keySet().stream().sorted().limit(NAMED).toList();
        return new ViewStatus(name, position, head, Math.max(0, head - position), replaying, progress,
                processor.isRunning(), segments, replay, state, waiting, incomplete);
    }

    /** Whether every segment of the view has processed the event at {@code position}. */
    public boolean hasProcessed(String name, long position) {
        if (ReadReplica.reading()) {
            List<ViewHandovers.Handed> handed = handovers.stored(name);
            List<TrackingToken> stored = sharedTokens();
            return !handed.isEmpty() && handed.stream().allMatch(h -> h.handled(position))
                    || !stored.isEmpty() && stored.stream().allMatch(token -> hasSeen(token, position));
        }
        List<SegmentToken> tokens = tokens(processor(name).orElseThrow());
        return handovers.handled(name, position)
                || !tokens.isEmpty() && tokens.stream().allMatch(t -> hasSeen(t.token(), position));
    }

    /**
     * Whether a segment's token has passed the event at {@code position}. An earlier position still
     * open (a gap: a transaction not yet committed, or one rolled back for good) is no reason to
     * wait: the client asks about its own event.
     */
    private static boolean hasSeen(TrackingToken token, long position) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.covers(GapAwareTrackingToken.newInstance(position,
                Collections.emptySortedSet()));
    }

    /**
     * Waits until the view has processed {@code position}, at most {@code bound}; answers whether it
     * has. A waiting request is woken when one of this node's views commits a batch and then asks
     * this node's processor; segments another node holds are read from the token store, at most
     * every {@link #ACROSS_NODES}.
     */
    public boolean awaitProcessed(String name, long position, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        long nextStoreCheck = System.nanoTime();
        while (true) {
            // A replica's copy is known only from the replica: what this node's processor wrote may not be there yet.
            Boolean here = ReadReplica.reading() ? null : processedHere(name, position);
            if (Boolean.TRUE.equals(here)) {
                return true;
            }
            if (here == null && System.nanoTime() >= nextStoreCheck) {
                if (hasProcessed(name, position)) {
                    return true;
                }
                nextStoreCheck = System.nanoTime() + (ReadReplica.reading() ? ON_REPLICA : ACROSS_NODES).toNanos();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                signals.await(Math.min(left, (ReadReplica.reading() ? ON_REPLICA : ACROSS_NODES).toNanos()) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * What this node's own processor knows, without the database: true when it holds every segment
     * of the view and each has passed the position, false when it holds them all and one has not,
     * null when another node holds a segment.
     */
    private Boolean processedHere(String name, long position) {
        Map<Integer, EventTrackerStatus> local = processor(name).orElseThrow().processingStatus();
        if (handovers.handled(name, position)) {
            return true;
        }
        if (!holdsEverySegment(local)) {
            return null;
        }
        return local.values().stream().allMatch(status -> hasSeen(status.getTrackingToken(), position));
    }

    /** Whether this node's processor holds every segment of its view, each with a token. */
    private static boolean holdsEverySegment(Map<Integer, EventTrackerStatus> local) {
        if (local.isEmpty()) {
            return false;
        }
        int segments = local.values().iterator().next().getSegment().getMask() + 1;
        return local.size() == segments
                && local.values().stream().allMatch(status -> status.getTrackingToken() != null);
    }

    /**
     * The position the view has reached: the lowest of its segments; from this node's own
     * processor when it holds them all (no read of the token store), else from the token store.
     */
    public long position(String name) {
        StreamingEventProcessor processor = processor(name).orElseThrow();
        if (ReadReplica.reading()) {
            long shared = sharedTokens().stream().mapToLong(ViewProgress::position).min().orElse(-1);
            long handed = handovers.stored(name).stream().mapToLong(ViewHandovers.Handed::index).min().orElse(-1);
            return Math.max(shared, handed);
        }
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        long shared = holdsEverySegment(local)
                ? local.values().stream().mapToLong(status -> position(status.getTrackingToken())).min().orElse(-1)
                : tokens(processor).stream().mapToLong(t -> position(t.token())).min().orElse(-1);
        return Math.max(shared, handovers.position(name));
    }

    /** The shared processor's tokens as the token store holds them, one per segment (null where it has none yet). */
    List<TrackingToken> sharedTokens() {
        return storedTokens.of(ViewProcessingConfiguration.PROCESSOR).stream()
                .map(row -> row.trackingToken(serializer)).toList();
    }

    private List<SegmentToken> tokens(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        return storedTokens.of(ViewProcessingConfiguration.PROCESSOR).stream().map(row -> {
            EventTrackerStatus here = local.get(row.segment());
            TrackingToken token = here != null && here.getTrackingToken() != null ? here.getTrackingToken()
                    : row.trackingToken(serializer);
            String error = here != null && here.isErrorState() ? trimmed(here.getError()) : null;
            return new SegmentToken(row.segment(), token, row.owner(), error);
        }).toList();
    }

    /** Why processing fails, in one line: the innermost cause, its first line, at most 300 characters. */
    private static String trimmed(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        String line = root.getClass().getSimpleName() + ": " + message;
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }


    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private record SegmentToken(int segment, TrackingToken token, String owner, String error) {
    }
}
