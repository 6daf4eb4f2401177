package io.distributedjob.role;

import java.time.Instant;

/** A role row. */
record Role(long id, String name, String description, int status, Instant createTime, Instant updateTime) {
}
