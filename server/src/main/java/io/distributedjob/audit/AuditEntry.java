package io.distributedjob.audit;

/**
 * One audited action, as recorded.
 *
 * @param actorId           the acting user, null when unknown (a login attempt for a name that does not exist)
 * @param actorName         the acting user's name, or the name a login attempt gave
 * @param actorDepartmentId the acting user's department, null when unknown
 * @param action            what was done, such as {@link AuditLog#CREATE}
 * @param targetType        the kind of object acted on, such as {@link AuditLog#USER}
 * @param targetId          the object's id, null when there is none (a create that failed)
 * @param outcome           whether it succeeded
 * @param detail            why it failed, or a short note; never a password or token
 * @param clientAddress     the caller's network address
 */
public record AuditEntry(Long actorId, String actorName, Long actorDepartmentId, String action, String targetType,
                         Long targetId, Outcome outcome, String detail, String clientAddress) {

    public enum Outcome { SUCCESS, FAILURE }
}
