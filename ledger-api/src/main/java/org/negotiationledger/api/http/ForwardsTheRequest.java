package org.negotiationledger.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that forwards the request, with its query and headers, to another handler: what the
 * request asks (its query parameters, its Accept header) is checked there, against what that
 * handler takes and answers, not here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForwardsTheRequest {
}
