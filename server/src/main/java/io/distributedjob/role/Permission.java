package io.distributedjob.role;

/** One of the permission codes a role can hold. */
public record Permission(long id, String name, String code, String description, int status) {
}
