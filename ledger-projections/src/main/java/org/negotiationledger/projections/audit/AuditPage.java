package org.negotiationledger.projections.audit;

import java.util.List;

/**
 * @param next the position to continue after, or null when this page is the last
 */
public record AuditPage(List<AuditEntry> entries, Long next) {
}
