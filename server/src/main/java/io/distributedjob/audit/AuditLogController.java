package io.distributedjob.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ApiResponse;
import io.distributedjob.kernel.PageParameters;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /audit-logs}: for user managers, limited to what actors of their departments did. Members of the
 * root department also see entries without a department (login attempts for unknown names).
 */
@RestController
class AuditLogController {

    private final AuditLogRepository repository;
    private final DepartmentScope scope;
    private final Clock clock;

    AuditLogController(AuditLogRepository repository, DepartmentScope scope, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/audit-logs")
    @RequirePermission(Permissions.USER_MANAGE)
    ApiResponse<PageResult<AuditView>> list(CurrentUser user,
                                           PageParameters paging,
                                           @RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String action,
                                           @RequestParam(required = false) String targetType,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        PageQuery page = paging.query();
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalid("to: must be later than from");
        }
        AuditQuery query = new AuditQuery(blankToNull(actor), upper(action), upper(targetType),
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        Set<Long> departments = scope.seesEverything(user) ? null : scope.visibleDepartments(user);
        AuditLogRepository.Page found = repository.find(query, departments, page);
        return ApiResponse.ok(PageResult.of(found.rows().stream().map(this::view).toList(), found.total(), page));
    }

    private AuditView view(AuditLogRepository.StoredEntry entry) {
        return new AuditView(entry.id(), entry.actorId(), entry.actorName(), entry.actorDepartmentId(),
                entry.action(), entry.targetType(), entry.targetId(), entry.outcome(), entry.detail(),
                entry.clientAddress(), OffsetDateTime.ofInstant(entry.time(), clock.getZone()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        String stripped = blankToNull(value);
        return stripped == null ? null : stripped.toUpperCase(Locale.ROOT);
    }

    record AuditView(long id, Long actorId, String actor, Long actorDepartmentId, String action, String targetType,
                     Long targetId, String outcome, String detail, String clientAddress, OffsetDateTime time) {
    }
}
