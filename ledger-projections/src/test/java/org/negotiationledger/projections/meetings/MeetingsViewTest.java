package org.negotiationledger.projections.meetings;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.projections.History;
import org.negotiationledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.meeting;
import static org.negotiationledger.projections.Talks.opened;

class MeetingsViewTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final MeetingsProjector projector = new MeetingsProjector(jdbc);
    private final MeetingQueries queries = new MeetingQueries(jdbc);

    @Test
    void theTimelineListsTheRoundsByTheDayTheyWereHeldNotRecorded() {
        opened().at("2025-06-03T10:00:00Z").append(meeting("istanbul-2", "2025-06-02"))
                .at("2025-06-04T10:00:00Z").append(meeting("istanbul-1", "2025-05-16"))
                .replayInto(projector);

        MeetingTimeline timeline = queries.timeline(new FindMeetingTimeline(N, null, null));

        assertThat(timeline.meetings()).extracting(Meeting::id).containsExactly("istanbul-1", "istanbul-2");
        Meeting first = timeline.meetings().get(0);
        assertThat(first.heldOn()).isEqualTo(day("2025-05-16"));
        assertThat(first.location()).isEqualTo("Istanbul");
        assertThat(first.level()).isEqualTo(MeetingLevel.DELEGATIONS);
        assertThat(first.partyIds()).containsExactly("ua", "ru");
        assertThat(first.mediatorIds()).containsExactly("tr");
        assertThat(first.heads()).isEqualTo(Map.of("ru", "medinsky", "ua", "umerov"));
        assertThat(first.topicIds()).isEqualTo(List.of("ceasefire", "prisoner-exchange"));
    }

    @Test
    void anUnknownNegotiationHasNoTimelineAndAKnownOneAnEmptyOne() {
        opened().replayInto(projector);

        assertThat(queries.timeline(new FindMeetingTimeline(N, null, null)).meetings()).isEmpty();
        assertThat(queries.timeline(new FindMeetingTimeline("elsewhere", null, null))).isNull();

        History.reset(projector);
        assertThat(queries.timeline(new FindMeetingTimeline(N, null, null))).isNull();
    }
}
