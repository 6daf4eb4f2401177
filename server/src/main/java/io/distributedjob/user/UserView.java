package io.distributedjob.user;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A user as the API shows it: never the password or its hash. */
public record UserView(long id, String username, String realName, String email, String phone, long departmentId,
                String departmentName, long roleId, String roleName, int status, OffsetDateTime createTime,
                OffsetDateTime updateTime) {

    static UserView of(User user, String departmentName, String roleName, ZoneId zone) {
        return new UserView(user.id(), user.username(), user.realName(), user.email(), user.phone(),
                user.departmentId(), departmentName, user.roleId(), roleName, user.status(),
                OffsetDateTime.ofInstant(user.createTime(), zone), OffsetDateTime.ofInstant(user.updateTime(), zone));
    }
}
