package org.negotiationledger.core.serialization;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    private static String canonical(String json) throws IOException {
        return CanonicalJson.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keyOrderAndWhitespaceDoNotMatter() throws IOException {
        assertThat(canonical("{ \"b\" : [1, {\"y\":true,\"x\":null}],\n \"a\":\"é\\u00e9\" }"))
                .isEqualTo(canonical("{\"a\":\"éé\",\"b\":[1,{\"x\":null,\"y\":true}]}"))
                .isEqualTo("{\"a\":\"éé\",\"b\":[1,{\"x\":null,\"y\":true}]}");
    }

    @Test
    void numbersAreWrittenOneWay() throws IOException {
        assertThat(canonical("[4.50, 1e3, 0.0, -2, 1000]")).isEqualTo("[4.5,1000,0,-2,1000]");
    }

    @Test
    void anyChangeOfContentChangesTheText() throws IOException {
        assertThat(canonical("{\"summary\":\"Rustem\"}")).isNotEqualTo(canonical("{\"summary\":\"Rustam\"}"));
        assertThat(canonical("[1,2]")).isNotEqualTo(canonical("[2,1]"));
    }

    private static String rfc8785(String json) throws IOException {
        return CanonicalJson.rfc8785(CanonicalJson.tree(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rfc8785SortsByUtf16CodeUnitsAndEscapesAsItPrescribes() throws IOException {
        // RFC 8785, 3.2.3: "\u20ac" (€) sorts before "\ud83d\ude00" (an emoji), though not by code point.
        assertThat(rfc8785("{\"\ud83d\ude00\":2,\"\u20ac\":1,\"\\r\":0,\"1\":3}"))
                .isEqualTo("{\"\\r\":0,\"1\":3,\"€\":1,\"\ud83d\ude00\":2}");
        assertThat(rfc8785("[\"\\u0001\\u001F\\b\\t\\n\\f\\r\\\"\\\\/\\u007f\\u00e9\"]"))
                .isEqualTo("[\"\\u0001\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\u007fé\"]");
        assertThat(canonical("[\"\\u001f\"]")).as("the first form kept Jackson's upper-case digits")
                .isEqualTo("[\"\\u001F\"]");
    }

    @Test
    void rfc8785NumbersAreExact() throws IOException {
        assertThat(rfc8785("[2.50, 1E+3, -0.0, 12345678901234567890.1234567890, 0.0000000001]"))
                .isEqualTo("[2.5,1000,0,12345678901234567890.123456789,0.0000000001]");
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> canonical("{\"a\":")).isInstanceOf(IOException.class);
    }
}
