package org.negotiationledger.api.views;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.projections.meetings.FindMeetingTimeline;
import org.negotiationledger.projections.meetings.MeetingTimeline;
import org.negotiationledger.projections.meetings.MeetingsProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rounds of talks of a negotiation, earliest first. */
@RestController
@Tag(name = "Meetings", description = "The rounds of talks")
class MeetingsController {

    private final ViewAnswers views;

    MeetingsController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping("/api/negotiations/{negotiationId}/meetings")
    @Operation(summary = "The timeline of rounds, earliest first, with what each party said there", description = """
            The rounds held by asOf, as recorded by knownAt; each lists the statements made at it in \
            their version known then, without the retracted ones. machineCoded=exclude leaves out the \
            meetings brought in from event data.""")
    ResponseEntity<MeetingTimeline> meetings(@PathVariable String negotiationId,
                                             @RequestParam(required = false) LocalDate asOf,
                                             @RequestParam(required = false) Instant knownAt,
                                             @RequestParam(defaultValue = MachineCoded.INCLUDE) String machineCoded,
                                             @RequestParam(required = false) Long waitFor) {
        return views.answer(MeetingsProjector.NAME, waitFor, new FindMeetingTimeline(negotiationId, asOf, knownAt,
                        MachineCoded.included(machineCoded)),
                MeetingTimeline.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }
}
