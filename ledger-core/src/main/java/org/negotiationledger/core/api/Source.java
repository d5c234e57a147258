package org.negotiationledger.core.api;

import java.time.LocalDate;

/**
 * Where a record comes from: the publication, its date and language, and the quote in the
 * original language, so that a reader can check the record against what was printed.
 */
public record Source(String publisher, String title, String url, LocalDate publishedOn,
                     String language, String quote) {
}
