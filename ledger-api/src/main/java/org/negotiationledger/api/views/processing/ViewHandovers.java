package org.negotiationledger.api.views.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.negotiationledger.api.storage.ViewTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What each view has handled apart from the processor all views share (table
 * {@code view_handover}). After a replay the rebuilt tables have handled the history up to where
 * the rebuild stopped, which may be ahead of the shared processor; on the first start of a ledger
 * whose views each had a processor of their own, each view had reached its own token. The shared
 * processor skips, for that view, an event the view has already handled ({@link HandedOverEvents}),
 * so that no view handles an event twice and none misses one.
 *
 * <p>Every view the ledger has built has a row; a view without one was added to a ledger that
 * already has a history, and is built from it by a replay.
 */
@Component
public class ViewHandovers {

    private static final Logger log = LoggerFactory.getLogger(ViewHandovers.class);
    private static final long NOTHING = -1;
    private static final String COLUMNS = "segment, segment_mask, handled_to, gaps";

    private final JdbcTemplate jdbc;
    private final List<String> views;
    private final Map<String, List<Handed>> byView = new ConcurrentHashMap<>();

    /**
     * What a view has handled of the events of one segment (those whose negotiation's hash, masked,
     * is the segment's id, as Axon shares them out): the positions up to {@code index} but the gaps.
     */
    record Handed(int segment, int mask, long index, SortedSet<Long> gaps) {
        boolean holds(int hash) {
            return mask == 0 || (mask & hash) == segment;
        }

        boolean handled(long position) {
            return position <= index && !gaps.contains(position);
        }
    }

    ViewHandovers(JdbcTemplate jdbc, ApplicationContext context, ViewTokens tokens, TokenStore tokenStore,
                  Serializer serializer, PlatformTransactionManager transactions,
                  @Value("${ledger.views.segments:1}") int segments) {
        this.jdbc = jdbc;
        this.views = names(context);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status ->
                    startSharing(tokens, tokenStore, serializer, segments));
        } catch (DataIntegrityViolationException anotherNodeDidIt) {
            log.info("Another node started the shared view processor first");
        }
        load();
    }

    /** The views of this ledger: its projectors' processing groups, in order. */
    static List<String> names(ApplicationContext context) {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .map(bean -> bean.getClass().getAnnotation(ProcessingGroup.class).value()).sorted().toList();
    }

    List<String> views() {
        return views;
    }

    /**
     * On the first start with a shared processor: each view's own tokens become its rows here, and
     * the shared processor begins where every view had arrived (at the first event when one had
     * not begun); the views' own tokens go. A view that never had a token is registered as having
     * handled nothing apart, and so handles the whole history.
     */
    private void startSharing(ViewTokens tokens, TokenStore tokenStore, Serializer serializer, int segments) {
        if (tokens.exist(ViewProcessingConfiguration.PROCESSOR)) {
            return;
        }
        TrackingToken start = null;
        boolean everyViewBegun = true;
        for (String view : views) {
            List<ViewTokens.Row> rows = tokens.of(view);
            int[] ids = rows.stream().mapToInt(ViewTokens.Row::segment).toArray();
            for (ViewTokens.Row row : rows) {
                GapAwareTrackingToken token = gapAware(row.trackingToken(serializer));
                everyViewBegun &= token != null;
                if (token != null) {
                    start = start == null ? token : ((GapAwareTrackingToken) start).lowerBound(token);
                }
                insert(view, Segment.computeSegment(row.segment(), ids), token);
            }
            if (rows.isEmpty()) {
                everyViewBegun = false;
                insert(view, Segment.ROOT_SEGMENT, null);
            }
            tokens.forget(view);
        }
        tokenStore.initializeTokenSegments(ViewProcessingConfiguration.PROCESSOR, segments,
                everyViewBegun ? start : null);
        log.info("The views now share one processor, starting at {}", everyViewBegun ? start : "the first event");
    }

    private void insert(String view, Segment segment, GapAwareTrackingToken token) {
        jdbc.update("INSERT INTO view_handover (view_name, segment, segment_mask, handled_to, gaps) "
                        + "VALUES (?, ?, ?, ?, ?)", view, segment.getSegmentId(), segment.getMask(),
                token == null ? NOTHING : token.getIndex(),
                token == null ? "" : token.getGaps().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalStateException("a view's token is not gap-aware: " + token.getClass().getSimpleName());
    }

    /** Reads the rows again: at start, and whenever the shared processor starts after a replay. */
    void load() {
        Map<String, List<Handed>> read = new ConcurrentHashMap<>();
        jdbc.query("SELECT view_name, " + COLUMNS + " FROM view_handover", row -> {
            read.computeIfAbsent(row.getString("view_name"), view -> new ArrayList<>()).add(handed(row));
        });
        byView.keySet().retainAll(read.keySet());
        byView.putAll(read);
    }

    private static Handed handed(ResultSet row) throws SQLException {
        SortedSet<Long> gaps = Arrays.stream(row.getString("gaps").split(",")).filter(gap -> !gap.isEmpty())
                .map(Long::valueOf).collect(Collectors.toCollection(TreeSet::new));
        return new Handed(row.getInt("segment"), row.getInt("segment_mask"), row.getLong("handled_to"), gaps);
    }

    /**
     * The view's rows as the database this thread reads holds them, rather than as this node last
     * loaded them: during an answer from a read replica, the replica's, which go with its copy of
     * the view's tables.
     */
    List<Handed> stored(String view) {
        return jdbc.query("SELECT " + COLUMNS + " FROM view_handover WHERE view_name = ?", (row, n) -> handed(row),
                view);
    }

    /** Whether the view has been built: it has rows here. */
    boolean registered(String view) {
        return byView.containsKey(view);
    }

    /** Whether the view handled the event apart from the shared processor. */
    boolean handled(String view, EventMessage<?> event) {
        List<Handed> handed = byView.get(view);
        if (handed == null || !(event instanceof TrackedEventMessage<?> tracked)) {
            return false;
        }
        long position = tracked.trackingToken().position().orElse(NOTHING);
        Object sequence = event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : event.getIdentifier();
        int hash = Objects.hashCode(sequence);
        return handed.stream().anyMatch(h -> h.holds(hash) && h.handled(position));
    }

    /** Whether the view handled the event at {@code position} apart from the shared processor, whatever its segment. */
    boolean handled(String view, long position) {
        List<Handed> handed = byView.get(view);
        return handed != null && handed.stream().allMatch(h -> h.handled(position));
    }

    /** How far the view got apart from the shared processor: the lowest of its segments, -1 for nothing. */
    long position(String view) {
        return byView.getOrDefault(view, List.of()).stream().mapToLong(Handed::index).min().orElse(NOTHING);
    }

    /** After a replay: the rebuilt view has handled what {@code token} covers (in the caller's transaction). */
    void replace(String view, TrackingToken token) {
        jdbc.update("DELETE FROM view_handover WHERE view_name = ?", view);
        insert(view, Segment.ROOT_SEGMENT, gapAware(token));
    }
}
