package io.distributedjob.role;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A role as the API shows it: {@code permissions} are ids (as in the request), {@code permissionCodes} their codes. */
record RoleView(long id, String name, String description, int status, List<Long> permissions,
                List<String> permissionCodes, OffsetDateTime createTime, OffsetDateTime updateTime) {

    static RoleView of(Role role, List<Permission> permissions, ZoneId zone) {
        return new RoleView(role.id(), role.name(), role.description(), role.status(),
                permissions.stream().map(Permission::id).toList(),
                permissions.stream().map(Permission::code).toList(),
                OffsetDateTime.ofInstant(role.createTime(), zone), OffsetDateTime.ofInstant(role.updateTime(), zone));
    }
}
