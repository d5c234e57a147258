package org.negotiationledger.api;

import org.junit.jupiter.api.Test;
import org.negotiationledger.core.api.EventTypes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench hears a live event only where it listens for its type (the stream names each event by
 * it): its list must hold every type the ledger stores, or a page would miss a new kind of record.
 */
class LiveEventTypesTest {

    @Test
    void theWorkbenchListensForEveryEventType() throws IOException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/static/workbench/live.js")) {
            assertThat(in).as("the workbench's live.js").isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher list = Pattern.compile("EVENT_TYPES = \\[(.*?)]", Pattern.DOTALL).matcher(script);
        assertThat(list.find()).isTrue();
        Set<String> listed = new TreeSet<>();
        Pattern.compile("'(\\w+)'").matcher(list.group(1)).results().forEach(name -> listed.add(name.group(1)));
        assertThat(listed).isEqualTo(EventTypes.NAMES);
    }
}
