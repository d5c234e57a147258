package org.negotiationledger.api.importing.eventdata;

import org.negotiationledger.api.problems.ProblemException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The event-data formats the ledger reads. */
public enum EventFormat {

    /** GDELT 1.0 events: 57 tab-separated columns (58 with SOURCEURL, from April 2013), no header. */
    GDELT1("gdelt1", "GDELT 1.0"),
    /** GDELT 2.0 events: 61 tab-separated columns, no header. */
    GDELT2("gdelt2", "GDELT 2.0"),
    /** ICEWS event files: tab-separated, with a header naming the columns. */
    ICEWS("icews", "ICEWS");

    private final String id;
    private final String title;

    EventFormat(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name in requests and in the records' coding: {@code gdelt1}, {@code gdelt2}, {@code icews}. */
    public String id() {
        return id;
    }

    /** The dataset's name for people. */
    public String title() {
        return title;
    }

    /** The format a request names, or a problem naming {@code parameter}. */
    public static EventFormat named(String name, String parameter) {
        for (EventFormat format : values()) {
            if (format.id.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw ProblemException.invalidParameter(parameter, "must be one of "
                + Arrays.stream(values()).map(EventFormat::id).collect(Collectors.joining(", ")));
    }
}
