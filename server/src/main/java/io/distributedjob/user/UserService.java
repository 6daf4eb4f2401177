package io.distributedjob.user;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.PasswordHasher;
import io.distributedjob.access.PasswordPolicy;
import io.distributedjob.access.Permissions;
import io.distributedjob.audit.AuditEntry.Outcome;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.role.RoleDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Users within the caller's department scope. A manager only acts on users whose role holds nothing the manager
 * lacks, only hands out roles within their own permissions, never moves a user outside their scope, and never
 * changes their own role, department or status.
 *
 * <p>One's own password changes only through {@link #changePassword}, which asks for the old one.
 *
 * <p>Disabling a user or changing their password bumps their token version, which ends every session they have.
 */
@Service
public class UserService {

    private static final int ENABLED = 1;
    private static final int DISABLED = 0;

    private final UserRepository users;
    private final DepartmentScope scope;
    private final DepartmentDirectory departments;
    private final RoleDirectory roles;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository users, DepartmentScope scope, DepartmentDirectory departments, RoleDirectory roles,
                PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = users;
        this.scope = scope;
        this.departments = departments;
        this.roles = roles;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public PageResult<UserView> list(CurrentUser actor, Long departmentId, String keyword, PageQuery page) {
        Set<Long> selected;
        if (departmentId != null) {
            scope.requireAccess(actor, departmentId);
            selected = Set.of(departmentId);
        } else {
            selected = scope.seesEverything(actor) ? null : scope.visibleDepartments(actor);
        }
        String filter = keyword == null || keyword.isBlank() ? null : keyword.strip();
        List<User> found = users.findPage(selected, filter, page);
        Map<Long, String> departmentNames = departments.names();
        Map<Long, String> roleNames = roles.names();
        List<UserView> views = found.stream()
                .map(user -> UserView.of(user, departmentNames.get(user.departmentId()), roleNames.get(user.roleId()),
                        clock.getZone()))
                .toList();
        return PageResult.of(views, users.count(selected, filter), page);
    }

    public UserView get(CurrentUser actor, long id) {
        User user = existing(id);
        scope.requireAccess(actor, user.departmentId());
        return view(user);
    }

    UserView create(CurrentUser actor, UserRequest request) {
        return audit.trackCreate(actor, AuditLog.USER, UserView::id, () -> {
            PasswordPolicy.check("password", request.password());
            requirePlaceable(actor, request.departmentId());
            requireAssignable(actor, request.roleId());
            String username = request.username().strip();
            requireFreeUsername(username, 0);
            int status = request.status() == null ? ENABLED : request.status();
            User user = new User(0, username, hasher.hash(request.password()), request.realName().strip(),
                    blankToNull(request.email()), blankToNull(request.phone()), request.departmentId(),
                    request.roleId(), status, 0, null, null);
            long id;
            try {
                id = users.insert(user, clock.instant());
            } catch (DuplicateKeyException e) {
                throw usernameTaken(username);
            }
            return view(existing(id));
        });
    }

    UserView update(CurrentUser actor, long id, UserRequest request) {
        return audit.track(actor, AuditLog.UPDATE, AuditLog.USER, id, () -> {
            User current = manageable(actor, id);
            boolean self = actor.id() == id;
            int status = request.status() == null ? current.status() : request.status();
            if (self && (current.departmentId() != request.departmentId() || current.roleId() != request.roleId())) {
                throw ApiException.forbidden("you cannot change your own department or role");
            }
            if (self && status != current.status()) {
                throw ApiException.forbidden("you cannot change your own status");
            }
            if (self && request.password() != null) {
                throw ApiException.invalid("password: change your own password with PATCH /users/" + id
                        + "/password, which asks for oldPassword");
            }
            if (current.departmentId() != request.departmentId()) {
                requirePlaceable(actor, request.departmentId());
            }
            if (current.roleId() != request.roleId()) {
                requireAssignable(actor, request.roleId());
            }
            String username = request.username().strip();
            if (!username.equals(current.username())) {
                requireFreeUsername(username, id);
            }
            String hash = current.passwordHash();
            boolean endSessions = status == DISABLED && current.status() != DISABLED;
            if (request.password() != null) {
                PasswordPolicy.check("password", request.password());
                hash = hasher.hash(request.password());
                endSessions = true;
            }
            User updated = new User(id, username, hash, request.realName().strip(), blankToNull(request.email()),
                    blankToNull(request.phone()), request.departmentId(), request.roleId(), status,
                    endSessions ? current.tokenVersion() + 1 : current.tokenVersion(), current.createTime(), null);
            try {
                users.update(updated, clock.instant());
            } catch (DuplicateKeyException e) {
                throw usernameTaken(username);
            }
            if (request.password() != null) {
                // a reset rides along with the profile: the trail names it as what it is
                audit.record(actor, AuditLog.CHANGE_PASSWORD, AuditLog.USER, id, Outcome.SUCCESS, "with the profile update");
            }
            return view(existing(id));
        });
    }

    void delete(CurrentUser actor, long id) {
        audit.track(actor, AuditLog.DELETE, AuditLog.USER, id, () -> {
            if (actor.id() == id) {
                throw ApiException.forbidden("you cannot delete yourself");
            }
            manageable(actor, id);
            users.delete(id);
        });
    }

    /** Own password with the old one; someone else's with {@code user:manage} over them. */
    void changePassword(CurrentUser actor, long id, PasswordChangeRequest request) {
        audit.track(actor, AuditLog.CHANGE_PASSWORD, AuditLog.USER, id, () -> {
            User target;
            if (actor.id() == id) {
                target = existing(id);
                if (request.oldPassword() == null || !hasher.matches(request.oldPassword(), target.passwordHash())) {
                    throw ApiException.invalid("oldPassword: does not match the current password");
                }
            } else {
                if (!actor.has(Permissions.USER_MANAGE)) {
                    throw ApiException.forbidden("changing another user's password needs " + Permissions.USER_MANAGE);
                }
                target = manageable(actor, id);
            }
            PasswordPolicy.check("newPassword", request.newPassword());
            users.update(withPassword(target, hasher.hash(request.newPassword())), clock.instant());
        });
    }

    /** The user, provided they are in the actor's scope and hold nothing the actor lacks. */
    private User manageable(CurrentUser actor, long id) {
        User user = existing(id);
        scope.requireAccess(actor, user.departmentId());
        Set<String> beyond = beyond(actor, roles.assignedPermissions(user.roleId()));
        if (!beyond.isEmpty()) {
            throw ApiException.forbidden("user " + id + " holds permissions you do not have: " + String.join(", ", beyond));
        }
        return user;
    }

    private void requirePlaceable(CurrentUser actor, long departmentId) {
        scope.requirePlacement(actor, departmentId, "departmentId");
    }

    private void requireAssignable(CurrentUser actor, long roleId) {
        if (!roles.exists(roleId)) {
            throw ApiException.invalid("roleId: role " + roleId + " does not exist");
        }
        Set<String> beyond = beyond(actor, roles.assignedPermissions(roleId));
        if (!beyond.isEmpty()) {
            throw ApiException.forbidden("roleId: role " + roleId + " holds permissions you do not have: " + String.join(", ", beyond));
        }
    }

    private static Set<String> beyond(CurrentUser actor, Set<String> codes) {
        Set<String> missing = new LinkedHashSet<>();
        codes.stream().filter(code -> !actor.has(code)).forEach(missing::add);
        return missing;
    }

    private void requireFreeUsername(String username, long exceptId) {
        if (users.usernameTaken(username, exceptId)) {
            throw usernameTaken(username);
        }
    }

    private static ApiException usernameTaken(String username) {
        return ApiException.conflict("usernameTaken", Map.of("username", username),
                "username: '" + username + "' is already taken");
    }

    private static User withPassword(User user, String hash) {
        return new User(user.id(), user.username(), hash, user.realName(), user.email(), user.phone(),
                user.departmentId(), user.roleId(), user.status(), user.tokenVersion() + 1, user.createTime(), null);
    }

    private User existing(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("user " + id + " not found"));
    }

    private UserView view(User user) {
        return UserView.of(user, departments.nameOf(user.departmentId()).orElse(null),
                roles.nameOf(user.roleId()).orElse(null), clock.getZone());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
