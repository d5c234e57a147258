package org.negotiationledger.projections.positions;

import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.negotiationledger.core.api.BodyKind;
import org.negotiationledger.core.api.BodyMember;
import org.negotiationledger.projections.support.Moment;
import org.negotiationledger.projections.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.negotiationledger.projections.support.Rows.utc;

/** Answers which bodies a negotiation set up and which still stood on a day, from the positions view. */
@Component
public class BodyQueries {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private static final TypeReference<List<BodyMember>> MEMBERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public BodyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public BodyList bodies(FindBodies query) {
        if (!Rows.knows(jdbc, "positions_negotiation", query.negotiationId())) {
            return null;
        }
        Moment moment = new Moment(query.asOf(), query.knownAt());
        LocalDate day = moment.day();
        Instant at = moment.at();
        List<BodyList.Body> bodies = jdbc.query("SELECT * FROM positions_body WHERE negotiation_id = ? "
                + "AND created_on <= ? AND known_from <= ? ORDER BY created_on, ordinal", (row, n) -> {
            LocalDate dissolvedOn = Rows.date(row, "dissolved_on");
            Instant dissolvedKnownFrom = Rows.instant(row, "dissolved_known_from");
            boolean dissolved = dissolvedOn != null && !dissolvedOn.isAfter(day) && !dissolvedKnownFrom.isAfter(at);
            return new BodyList.Body(row.getString("body_id"), row.getString("name"),
                    BodyKind.valueOf(row.getString("kind")), row.getString("mandate"), Rows.date(row, "created_on"),
                    Rows.fromJson(row.getString("members_json"), MEMBERS),
                    Rows.fromJson(row.getString("topic_ids_json"), IDS), row.getString("agreement_id"),
                    row.getString("meeting_id"), Rows.sources(row, "sources_json"), Rows.instant(row, "known_from"),
                    !dissolved, dissolved ? dissolvedOn : null, dissolved ? row.getString("dissolution_reason") : null,
                    dissolved ? Rows.sources(row, "dissolution_sources_json") : List.of());
        }, query.negotiationId(), day, utc(at));
        return new BodyList(query.negotiationId(), query.asOf(), query.knownAt(), bodies.stream()
                .filter(body -> !query.active() || body.active())
                .filter(body -> query.partyId() == null
                        || body.members().stream().anyMatch(member -> member.partyId().equals(query.partyId())))
                .toList());
    }
}
