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

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> canonical("{\"a\":")).isInstanceOf(IOException.class);
    }
}
