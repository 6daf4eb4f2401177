package io.distributedjob.org;

import java.time.Instant;

/** A department row. {@code parentId} is null only for the root department. */
record Department(long id, String name, String description, Long parentId, int status, Instant createTime,
                  Instant updateTime) {
}
