package io.distributedjob.audit;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.kernel.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: logins, every create, update and delete of users, roles, departments and tasks, and every
 * task run started by hand or through the API, with actor, time, action, target, outcome and client address. Features wrap a change in {@link #track} (or
 * {@link #trackCreate}) so that both its success and its refusal are recorded.
 *
 * <p>A failure to write the audit row is logged and does not undo or fail the change it describes.
 */
@Service
public class AuditLog {

    public static final String LOGIN = "LOGIN";
    public static final String LOGOUT = "LOGOUT";
    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String DELETE = "DELETE";
    public static final String CHANGE_PASSWORD = "CHANGE_PASSWORD";
    /** A task fired now by a person or an API client, outside its schedule. */
    public static final String RUN = "RUN";
    public static final String CANCEL = "CANCEL";
    /** A gRPC method called once from the task form, outside any fire. */
    public static final String TEST_CALL = "TEST_CALL";

    public static final String USER = "USER";
    public static final String ROLE = "ROLE";
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String TASK = "TASK";

    /** The detail of an entry whose action failed unexpectedly: its cause belongs in the server log only. */
    public static final String UNEXPECTED_FAILURE = "internal error";

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditLogRepository repository;
    private final Clock clock;

    AuditLog(AuditLogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records an entry as given. */
    public void record(AuditEntry entry) {
        try {
            repository.insert(entry, clock.instant());
        } catch (RuntimeException e) {
            log.error("Could not write the audit entry {}", entry, e);
        }
    }

    /** Records an action of an authenticated user, taking the client address from the current HTTP request. */
    public void record(CurrentUser actor, String action, String targetType, Long targetId, Outcome outcome, String detail) {
        record(actor, currentClientAddress(), action, targetType, targetId, outcome, detail);
    }

    /**
     * Runs a change to an existing object and records it: success, or failure with the reason the caller was
     * given. The exception, if any, is rethrown unchanged.
     */
    public <T> T track(CurrentUser actor, String action, String targetType, Long targetId, Supplier<T> change) {
        return track(actor, currentClientAddress(), action, targetType, targetId, change);
    }

    /** Like {@link #track}, for a change without a result. */
    public void track(CurrentUser actor, String action, String targetType, Long targetId, Runnable change) {
        track(actor, currentClientAddress(), action, targetType, targetId, change);
    }

    /** Runs the creation of an object and records it with the id the result carries. */
    public <T> T trackCreate(CurrentUser actor, String targetType, Function<T, Long> idOf, Supplier<T> creation) {
        return trackCreate(actor, currentClientAddress(), targetType, idOf, creation);
    }

    /** Like {@link #track}, for a change requested outside an HTTP request (gRPC): the client address is given. */
    public <T> T track(CurrentUser actor, String clientAddress, String action, String targetType, Long targetId,
                       Supplier<T> change) {
        return run(actor, clientAddress, action, targetType, result -> targetId, targetId, change);
    }

    /** Like {@link #track(CurrentUser, String, String, String, Long, Supplier)}, for a change without a result. */
    public void track(CurrentUser actor, String clientAddress, String action, String targetType, Long targetId,
                      Runnable change) {
        track(actor, clientAddress, action, targetType, targetId, () -> {
            change.run();
            return null;
        });
    }

    /** Like {@link #trackCreate}, for a creation requested outside an HTTP request: the client address is given. */
    public <T> T trackCreate(CurrentUser actor, String clientAddress, String targetType, Function<T, Long> idOf,
                             Supplier<T> creation) {
        return run(actor, clientAddress, CREATE, targetType, idOf, null, creation);
    }

    /** The address of the client of the HTTP request being handled, or null outside one. */
    public static String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private <T> T run(CurrentUser actor, String clientAddress, String action, String targetType,
                      Function<T, Long> idOf, Long idOnFailure, Supplier<T> change) {
        T result;
        try {
            result = change.get();
        } catch (ApiException e) {
            record(actor, clientAddress, action, targetType, idOnFailure, Outcome.FAILURE, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            record(actor, clientAddress, action, targetType, idOnFailure, Outcome.FAILURE, UNEXPECTED_FAILURE);
            throw e;
        }
        record(actor, clientAddress, action, targetType, idOf.apply(result), Outcome.SUCCESS, null);
        return result;
    }

    private void record(CurrentUser actor, String clientAddress, String action, String targetType, Long targetId,
                        Outcome outcome, String detail) {
        record(new AuditEntry(actor.id(), actor.username(), actor.departmentId(), action, targetType, targetId,
                outcome, detail, clientAddress));
    }
}
