package org.negotiationledger.api.problems;

import java.io.IOException;

/** Thrown while a request body is read, when it is larger than {@link Limits#BODY_BYTES}. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException() {
        super("the request body is larger than " + Limits.BODY_BYTES + " bytes");
    }
}
