package org.negotiationledger.projections.support;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.negotiationledger.core.api.Source;

import java.util.List;

/** A record of a view that shows every report of what it records, and how many publishers those are. */
public interface Sourced {

    /** Every report of the record, in the order they were given. */
    List<Source> sources();

    /** How many independent publishers report the record, as {@link Source#publishers} counts them. */
    @JsonProperty
    default int publishers() {
        return Source.publishers(sources());
    }
}
