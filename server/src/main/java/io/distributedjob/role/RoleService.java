package io.distributedjob.role;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roles and their permissions. Nobody hands out what they do not hold: a role may only be created by someone
 * holding every permission it will have, and changed or deleted only within the rules of {@link RoleChangeRules}.
 */
@Service
class RoleService {

    private static final int ENABLED = 1;

    private final RoleRepository roles;
    private final RoleHolders users;
    private final RoleChangeRules rules;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RoleService(RoleRepository roles, RoleHolders users, RoleChangeRules rules, AuditLog audit,
                TransactionTemplate transaction, Clock clock) {
        this.roles = roles;
        this.users = users;
        this.rules = rules;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    PageResult<RoleView> list(String keyword, PageQuery page) {
        String filter = keyword == null || keyword.isBlank() ? null : keyword.strip();
        List<RoleView> views = roles.findPage(filter, page).stream().map(this::view).toList();
        return PageResult.of(views, roles.count(filter), page);
    }

    RoleView get(long id) {
        return view(existing(id));
    }

    List<Permission> permissions() {
        return roles.allPermissions();
    }

    RoleView create(CurrentUser actor, RoleRequest request) {
        return audit.trackCreate(actor, AuditLog.ROLE, RoleView::id, () -> {
            String name = request.name().strip();
            Set<Long> permissionIds = grantable(actor, request.permissions());
            requireFreeName(name, 0);
            int status = request.status() == null ? ENABLED : request.status();
            long id = inTransaction(() -> {
                Instant now = clock.instant();
                long created = roles.insert(name, request.description(), status, now);
                roles.replacePermissions(created, permissionIds, now);
                return created;
            });
            return get(id);
        });
    }

    RoleView update(CurrentUser actor, long id, RoleRequest request) {
        return audit.track(actor, AuditLog.UPDATE, AuditLog.ROLE, id, () -> {
            Role current = existing(id);
            rules.requireChangeable(actor, current);
            String name = request.name().strip();
            Set<Long> permissionIds = grantable(actor, request.permissions());
            int status = request.status() == null ? current.status() : request.status();
            rules.requireAdministrationKept(current, status, permissionIds);
            requireFreeName(name, id);
            inTransaction(() -> {
                Instant now = clock.instant();
                roles.update(id, name, request.description(), status, now);
                roles.replacePermissions(id, permissionIds, now);
                return id;
            });
            return get(id);
        });
    }

    void delete(CurrentUser actor, long id) {
        audit.track(actor, AuditLog.DELETE, AuditLog.ROLE, id, () -> {
            Role current = existing(id);
            rules.requireChangeable(actor, current);
            rules.requireDeletable(current);
            if (users.countWithRole(id) > 0) {
                throw ApiException.conflict("roleInUse", Map.of("id", id), "role " + id + " is still held by users");
            }
            inTransaction(() -> {
                roles.delete(id);
                return id;
            });
        });
    }

    /** Checks that the ids exist and that the actor holds every one of them. */
    private Set<Long> grantable(CurrentUser actor, List<Long> requested) {
        Map<Long, Permission> known = roles.allPermissions().stream()
                .collect(Collectors.toMap(Permission::id, Function.identity()));
        Set<Long> ids = new LinkedHashSet<>(requested);
        for (long id : ids) {
            if (!known.containsKey(id)) {
                throw ApiException.invalid("permissions: permission " + id + " does not exist");
            }
        }
        Set<String> beyond = RoleChangeRules.beyond(actor, ids.stream().map(id -> known.get(id).code()).toList());
        if (!beyond.isEmpty()) {
            throw ApiException.forbidden("permissions: you cannot grant permissions you do not have: " + String.join(", ", beyond));
        }
        return ids;
    }

    private void requireFreeName(String name, long exceptId) {
        if (roles.nameTaken(name, exceptId)) {
            throw ApiException.conflict("roleNameTaken", Map.of("name", name),
                    "name: a role named '" + name + "' already exists");
        }
    }

    private long inTransaction(LongSupplier work) {
        try {
            return transaction.execute(status -> work.getAsLong());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("roleNameTaken", Map.of(), "name: a role with this name already exists");
        }
    }

    private Role existing(long id) {
        return roles.findById(id).orElseThrow(() -> ApiException.notFound("role " + id + " not found"));
    }

    private RoleView view(Role role) {
        return RoleView.of(role, roles.permissionsOf(role.id()), clock.getZone());
    }
}
