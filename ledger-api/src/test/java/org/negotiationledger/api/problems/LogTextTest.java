package org.negotiationledger.api.problems;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void aUserNameCannotForgeALogLine() {
        assertThat(LogText.safe("mallory\r\n2026-12-01 INFO admin logged in"))
                .isEqualTo("mallory\\u000D\\u000A2026-12-01 INFO admin logged in").doesNotContain("\n", "\r");
        assertThat(LogText.safe("tab\there\u2028")).isEqualTo("tab\\u0009here\\u2028");
    }

    @Test
    void longTextIsCut() {
        assertThat(LogText.safe("x".repeat(500))).hasSize(201).endsWith("…");
        assertThat(LogText.safe(null)).isEqualTo("null");
    }
}
