package org.negotiationledger.core.negotiation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.AccountRecorded;
import org.negotiationledger.core.api.AccountRetracted;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.RecordAccount;
import org.negotiationledger.core.api.RecordKind;
import org.negotiationledger.core.api.RetractAccount;
import org.negotiationledger.core.api.RuleViolationException;

import java.math.BigDecimal;
import java.util.List;

import static org.negotiationledger.core.negotiation.Given.ARTICLE;
import static org.negotiationledger.core.negotiation.Given.NEGOTIATION;
import static org.negotiationledger.core.negotiation.Given.OPENED_ON;
import static org.negotiationledger.core.negotiation.Given.RECORDED_AT;
import static org.negotiationledger.core.negotiation.Given.closedOn;
import static org.negotiationledger.core.negotiation.Given.istanbul;
import static org.negotiationledger.core.negotiation.Given.thousandForThousand;

/** Accounts that tell a record differently, each with its sources, side by side; after closure too. */
class AccountsTest {

    private static RecordAccount account(String id, String recordId, BigDecimal value, String reportedBy) {
        return new RecordAccount(NEGOTIATION, id, recordId, "released", null, value, "prisoners", reportedBy,
                List.of(ARTICLE), RECORDED_AT);
    }

    private static AccountRecorded recorded(String id, BigDecimal value, String reportedBy) {
        return new AccountRecorded(NEGOTIATION, id, "pow-1", RecordKind.EXCHANGE, OPENED_ON, "released", null, value,
                "prisoners", reportedBy, List.of(ARTICLE));
    }

    @Test
    void twoAccountsOfOneExchangeStandSideBySideAfterTheNegotiationClosed() {
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .andGiven(thousandForThousand(), recorded("ua-count", new BigDecimal("1200"), "ua"),
                        closedOn("2025-06-20"))
                .when(account("ru-count", "pow-1", new BigDecimal("1000"), "ru"))
                .expectEvents(recorded("ru-count", new BigDecimal("1000"), "ru"));
    }

    @Test
    void anAccountOfNothingWithoutSourcesOrByAStrangerIsRefused() {
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .when(account("a", "pow-9", BigDecimal.ONE, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("account 'a' concerns 'pow-9', which is no statement, meeting, exchange, "
                        + "outcome or agreement of negotiation 'ru-ua-2025'");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(thousandForThousand())
                .when(account("a", "pow-1", BigDecimal.ONE, "us"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("party 'us' is not registered in negotiation 'ru-ua-2025'");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(thousandForThousand())
                .when(new RecordAccount(NEGOTIATION, "a", "pow-1", "released", "many", null, null, null, List.of(),
                        RECORDED_AT))
                .expectException(InvalidValueException.class);
        new AggregateTestFixture<>(Negotiation.class).given(istanbul()).andGiven(thousandForThousand())
                .when(new RecordAccount(NEGOTIATION, "a", "pow-1", "released", null, null, null, null,
                        List.of(ARTICLE), RECORDED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void anAccountIsRetractedOnceWithItsReason() {
        AccountRetracted retracted = new AccountRetracted(NEGOTIATION, "ua-count", "pow-1", "misread");
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .andGiven(thousandForThousand(), recorded("ua-count", new BigDecimal("1200"), "ua"))
                .when(new RetractAccount(NEGOTIATION, "ua-count", "misread", RECORDED_AT))
                .expectEvents(retracted);
        new AggregateTestFixture<>(Negotiation.class).given(istanbul())
                .andGiven(thousandForThousand(), recorded("ua-count", new BigDecimal("1200"), "ua"), retracted)
                .when(new RetractAccount(NEGOTIATION, "ua-count", "another reason", RECORDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("account 'ua-count' is retracted and cannot be retracted again");
    }
}
