package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.negotiationledger.projections.support.Rows.utc;

/**
 * Answers which topics are linked and which packages stand open, from the positions view: the
 * statements' links in their counting versions, the packages, and the outcomes on their topics.
 */
@Component
public class LinkageQueries {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    /** The packages proposed by a day, as known at a time. */
    private static final String PROPOSED = " FROM positions_package WHERE negotiation_id = ? AND proposed_on <= ? "
            + "AND known_from <= ?";

    private final JdbcTemplate jdbc;

    public LinkageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Linkage linkage(FindLinkage query) {
        if (!Rows.knows(jdbc, "positions_negotiation", query.negotiationId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        Instant at = moment.at();
        List<Linkage.Link> links = new ArrayList<>();
        jdbc.query("SELECT statement_id, party_id, topic_id, effective_on, links_json FROM positions_version "
                + "WHERE negotiation_id = ? AND links_json IS NOT NULL AND " + PositionQueries.COUNTING
                + (query.machineCoded() ? "" : PositionQueries.PEOPLE_ONLY) + " ORDER BY effective_on, recorded_seq",
                row -> {
                    for (StatementLink link : PositionRows.links(row)) {
                        links.add(new Linkage.Link(row.getString("statement_id"), row.getString("party_id"),
                                row.getString("topic_id"), Rows.date(row, "effective_on"), link.kind(),
                                link.topicId(), link.recordId()));
                    }
                }, query.negotiationId(), moment.day(), utc(at), utc(at));
        Map<String, Set<String>> linked = new HashMap<>();
        for (Linkage.Link link : links) {
            pair(linked, link.topicId(), link.linkedTopicId());
        }
        for (List<String> grouped : jdbc.query("SELECT topic_ids_json" + PROPOSED, (row, n) -> Rows.fromJson(
                row.getString("topic_ids_json"), IDS), query.negotiationId(), moment.day(), utc(at))) {
            for (String topic : grouped) {
                grouped.forEach(other -> pair(linked, topic, other));
            }
        }
        List<String> order = topics(query.negotiationId());
        List<Linkage.LinkedTopic> linkedTopics = order.stream().filter(linked::containsKey)
                .map(topic -> new Linkage.LinkedTopic(topic, order.stream().filter(linked.get(topic)::contains)
                        .toList())).toList();
        return new Linkage(query.negotiationId(), query.asOf(), query.knownAt(), links, linkedTopics);
    }

    @QueryHandler
    public Linkage.PackageList packages(FindPackages query) {
        if (!Rows.knows(jdbc, "positions_negotiation", query.negotiationId())) {
            return null;
        }
        List<Linkage.TopicPackage> packages = packages(query.negotiationId(),
                new Moment(query.asOf(), query.knownAt()), query.machineCoded());
        return new Linkage.PackageList(query.negotiationId(), query.asOf(), query.knownAt(), packages.stream()
                .filter(p -> query.status() == null || p.status() == query.status()).toList());
    }

    /** Two different topics are linked both ways. */
    private static void pair(Map<String, Set<String>> linked, String topic, String other) {
        if (other != null && !other.equals(topic)) {
            linked.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(other);
            linked.computeIfAbsent(other, t -> new LinkedHashSet<>()).add(topic);
        }
    }

    private List<String> topics(String negotiationId) {
        return jdbc.queryForList("SELECT topic_id FROM positions_topic WHERE negotiation_id = ? ORDER BY ordinal",
                String.class, negotiationId);
    }

    private List<Linkage.TopicPackage> packages(String negotiationId, Moment moment, boolean machineCoded) {
        LocalDate day = moment.day();
        Instant at = moment.at();
        Map<String, List<Decision>> decisions = decisions(negotiationId, day, at, machineCoded);
        return jdbc.query("SELECT package_id, title, topic_ids_json, proposed_by, proposed_on, terms, sources_json, "
                + "publishers, known_from" + PROPOSED + " ORDER BY ordinal", (row, n) -> {
            List<String> topicIds = Rows.fromJson(row.getString("topic_ids_json"), IDS);
            LocalDate proposedOn = Rows.date(row, "proposed_on");
            List<String> agreed = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            List<String> open = new ArrayList<>();
            for (String topic : topicIds) {
                OutcomeKind latest = decisions.getOrDefault(topic, List.of()).stream()
                        .filter(decision -> !decision.reachedOn().isBefore(proposedOn))
                        .reduce((first, second) -> second).map(Decision::kind).orElse(null);
                (latest == OutcomeKind.AGREED ? agreed : latest == OutcomeKind.NOT_AGREED ? refused : open).add(topic);
            }
            Linkage.PackageStatus status = agreed.size() == topicIds.size() ? Linkage.PackageStatus.AGREED
                    : refused.size() == topicIds.size() ? Linkage.PackageStatus.REFUSED : Linkage.PackageStatus.OPEN;
            return new Linkage.TopicPackage(row.getString("package_id"), row.getString("title"), topicIds,
                    row.getString("proposed_by"), proposedOn, row.getString("terms"), Rows.sources(row, "sources_json"),
                    row.getInt("publishers"), Rows.instant(row, "known_from"), status, agreed, refused, open);
        }, negotiationId, day, utc(at));
    }

    private record Decision(OutcomeKind kind, LocalDate reachedOn) {
    }

    /** The standing outcomes on each topic by the day, as known at the time, earliest first. */
    private Map<String, List<Decision>> decisions(String negotiationId, LocalDate day, Instant at,
                                                  boolean machineCoded) {
        Map<String, List<Decision>> decisions = new LinkedHashMap<>();
        jdbc.query("SELECT t.topic_id, o.kind, o.reached_on FROM positions_outcome o JOIN positions_outcome_topic t "
                + "ON t.negotiation_id = o.negotiation_id AND t.outcome_id = o.outcome_id "
                + "WHERE o.negotiation_id = ? AND o.reached_on <= ? AND o.known_from <= ? "
                + "AND (o.retracted_known_from IS NULL OR o.retracted_known_from > ?)"
                + (machineCoded ? "" : " AND o.coding_json IS NULL") + " ORDER BY o.reached_on, o.ordinal", row -> {
            decisions.computeIfAbsent(row.getString("topic_id"), topic -> new ArrayList<>()).add(
                    new Decision(OutcomeKind.valueOf(row.getString("kind")), Rows.date(row, "reached_on")));
        }, negotiationId, day, utc(at), utc(at));
        return decisions;
    }
}
