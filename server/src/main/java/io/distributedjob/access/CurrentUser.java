package io.distributedjob.access;

import java.util.Set;

/**
 * The authenticated caller of a REST or gRPC request. Controllers declare a parameter of this type to receive
 * it; it is never built from anything the client sent other than a verified access token.
 *
 * @param id           user id
 * @param username     login name
 * @param departmentId the user's department; their data scope is this department and its sub-departments
 * @param roleId       the user's role
 * @param permissions  permission codes of the role, such as {@code task:view}
 */
public record CurrentUser(long id, String username, long departmentId, long roleId, Set<String> permissions) {

    public boolean has(String permission) {
        return permissions.contains(permission);
    }
}
