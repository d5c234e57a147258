package org.negotiationledger.projections.positions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The packages proposed by {@code asOf} (null: the latest) as known at {@code knownAt} (null: now),
 * each with what had become of it; only those of {@code status} when it is given; the outcomes a
 * machine coded count unless {@code machineCoded} is false.
 */
public record FindPackages(String negotiationId, LocalDate asOf, Instant knownAt, boolean machineCoded,
                           Linkage.PackageStatus status) {
}
