package io.distributedjob.audit;

import java.time.Instant;

/** Filters of {@code GET /audit-logs}; null means no filter. {@code to} is exclusive. */
record AuditQuery(String actor, String action, String targetType, Instant from, Instant to) {
}
