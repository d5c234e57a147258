package org.negotiationledger.core.negotiation;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prints digest what a record says, not how a release happens to spell it. */
class FingerprintTest {

    /** A statement as an earlier release stored it. */
    record StatementV1(String negotiationId, String statementId, String topicId, Stance stance, Offer offer,
                       LocalDate effectiveOn) {
    }

    /** The same statement after it gained optional fields, in another order. */
    record StatementV2(String statementId, String negotiationId, String topicId, Stance stance, Offer offer,
                       LocalDate effectiveOn, String meetingId, List<String> witnesses, Map<String, String> labels) {
    }

    private static final Offer THOUSAND = Offer.of(1000, "prisoners");
    private static final LocalDate DAY = LocalDate.parse("2025-06-27");

    @Test
    void anOptionalFieldAddedAndLeftEmptyKeepsThePrint() {
        long before = Fingerprint.of(new StatementV1("n", "s-1", "t", Stance.SUPPORTS, THOUSAND, DAY));
        long after = Fingerprint.of(new StatementV2("s-1", "n", "t", Stance.SUPPORTS, THOUSAND, DAY, null, List.of(),
                Map.of()));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anAddedFieldThatSaysSomethingChangesThePrint() {
        long before = Fingerprint.of(new StatementV1("n", "s-1", "t", Stance.SUPPORTS, THOUSAND, DAY));
        assertThat(Fingerprint.of(new StatementV2("s-1", "n", "t", Stance.SUPPORTS, THOUSAND, DAY, "istanbul-1",
                List.of(), Map.of()))).isNotEqualTo(before);
        assertThat(Fingerprint.of(new StatementV2("s-1", "n", "t", Stance.SUPPORTS, THOUSAND, DAY, null,
                List.of("tr"), Map.of()))).isNotEqualTo(before);
    }

    @Test
    void everyFieldOfMeaningCounts() {
        StatementRecorded recorded = new StatementRecorded("n", "s-1", "ua", null, "t", Stance.SUPPORTS, "summary",
                null, THOUSAND, DAY, null, null);
        long print = Fingerprint.of(recorded);
        assertThat(Fingerprint.of(new StatementRecorded("n", "s-1", "ua", null, "t", Stance.REJECTS, "summary",
                null, THOUSAND, DAY, null, null))).isNotEqualTo(print);
        assertThat(Fingerprint.of(new StatementRecorded("n", "s-1", "ua", null, "t", Stance.SUPPORTS, "summary",
                null, Offer.of(1001, "prisoners"), DAY, null, null))).isNotEqualTo(print);
        assertThat(Fingerprint.of(new StatementRecorded("n", "s-1", "ua", null, "t", Stance.SUPPORTS, "summary",
                null, THOUSAND, DAY.plusDays(1), null, null))).isNotEqualTo(print);
    }

    @Test
    void theSameNumberWrittenTwoWaysIsTheSameOffer() {
        assertThat(Fingerprint.of(new Offer(new BigDecimal("4.50"), "%")))
                .isEqualTo(Fingerprint.of(new Offer(new BigDecimal("4.5"), "%")));
    }
}
