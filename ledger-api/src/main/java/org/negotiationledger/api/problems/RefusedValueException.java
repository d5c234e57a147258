package org.negotiationledger.api.problems;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value of a request body the ledger refuses, with a message in the user's words; Jackson adds
 * the field's path as the exception travels out.
 */
public final class RefusedValueException extends JsonMappingException {

    public RefusedValueException(JsonParser parser, String message) {
        super(parser, message);
    }
}
