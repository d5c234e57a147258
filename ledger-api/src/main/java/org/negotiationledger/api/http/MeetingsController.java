package org.negotiationledger.api.http;

import org.negotiationledger.projections.meetings.MeetingTimeline;
import org.negotiationledger.projections.meetings.MeetingTimelineQuery;
import org.negotiationledger.projections.meetings.MeetingsProjector;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rounds of talks of a negotiation, earliest first. */
@RestController
class MeetingsController {

    private final ViewAnswers views;

    MeetingsController(ViewAnswers views) {
        this.views = views;
    }

    @GetMapping("/api/negotiations/{negotiationId}/meetings")
    ResponseEntity<MeetingTimeline> meetings(@PathVariable String negotiationId,
                                             @RequestParam(required = false) Long waitFor) {
        return views.answer(MeetingsProjector.NAME, waitFor, new MeetingTimelineQuery(negotiationId),
                MeetingTimeline.class, () -> ProblemException.unknownNegotiation(negotiationId));
    }
}
