package io.distributedjob.user;

import java.time.Instant;

/** A user row; {@code passwordHash} never leaves the server. */
record User(long id, String username, String passwordHash, String realName, String email, String phone,
            long departmentId, long roleId, int status, long tokenVersion, Instant createTime, Instant updateTime) {
}
