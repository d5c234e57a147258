package org.negotiationledger.projections.meetings;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementCorrected;
import org.negotiationledger.core.api.StatementRecorded;
import org.negotiationledger.core.api.StatementRetracted;
import org.negotiationledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.negotiationledger.projections.Talks.ARTICLE;
import static org.negotiationledger.projections.Talks.N;
import static org.negotiationledger.projections.Talks.day;
import static org.negotiationledger.projections.Talks.meeting;
import static org.negotiationledger.projections.Talks.opened;

/** The meetings held by a day as known at a time, with what each party said there. */
class MeetingsOverTimeTest {

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final MeetingsProjector projector = new MeetingsProjector(jdbc);
    private final MeetingQueries queries = new MeetingQueries(jdbc);

    private MeetingTimeline timeline(String asOf, String knownAt) {
        return queries.timeline(new FindMeetingTimeline(N, asOf == null ? null : day(asOf),
                knownAt == null ? null : Instant.parse(knownAt)));
    }

    @Test
    void aMeetingHeldLaterOrRecordedLaterIsAbsent() {
        opened().at("2025-05-17T10:00:00Z").append(meeting("istanbul-1", "2025-05-16"))
                .at("2025-06-03T10:00:00Z").append(meeting("istanbul-2", "2025-06-02"))
                .replayInto(projector);

        assertThat(timeline(null, null).meetings()).extracting(Meeting::id).containsExactly("istanbul-1",
                "istanbul-2");
        assertThat(timeline("2025-06-01", null).meetings()).extracting(Meeting::id).containsExactly("istanbul-1");
        assertThat(timeline(null, "2025-05-17T09:00:00Z").meetings()).isEmpty();
        assertThat(timeline("2025-06-02", "2025-06-02T23:00:00Z").meetings()).extracting(Meeting::id)
                .containsExactly("istanbul-1");
    }

    @Test
    void eachMeetingListsWhatThePartiesSaidThereAsKnownAtTheTime() {
        opened().at("2025-05-17T10:00:00Z").append(meeting("istanbul-1", "2025-05-16"),
                        said("s-1", "ua", "A 30-day ceasefire first"), said("s-2", "ru", "A memorandum first"),
                        new StatementRecorded(N, "s-3", "ua", null, "ceasefire", Stance.SUPPORTS, "said elsewhere",
                                null, null, day("2025-05-16"), List.of(ARTICLE), null))
                .at("2025-05-20T10:00:00Z").append(new StatementCorrected(N, "s-2", "c-1", "ru", "ceasefire",
                        new StatementChanges(Stance.REJECTS, null, null, null, null), "rejected outright"))
                .at("2025-05-21T10:00:00Z").append(new StatementRetracted(N, "s-1", "ua", "ceasefire",
                        "misattributed"))
                .replayInto(projector);

        assertThat(timeline(null, null).meetings().get(0).statements())
                .extracting(Meeting.Said::statementId, Meeting.Said::stance)
                .containsExactly(tuple("s-2", Stance.REJECTS));
        assertThat(timeline(null, "2025-05-18T00:00:00Z").meetings().get(0).statements())
                .extracting(Meeting.Said::statementId, Meeting.Said::partyId, Meeting.Said::stance,
                        Meeting.Said::summary)
                .containsExactly(tuple("s-1", "ua", Stance.DEMANDS, "A 30-day ceasefire first"),
                        tuple("s-2", "ru", Stance.DEMANDS, "A memorandum first"));
    }

    private static StatementRecorded said(String id, String party, String summary) {
        return new StatementRecorded(N, id, party, null, "ceasefire", Stance.DEMANDS, summary, null, null,
                day("2025-05-16"), List.of(ARTICLE), null, "istanbul-1", null);
    }
}
