package io.distributedjob.user;

import java.util.Optional;
import java.util.Set;

import io.distributedjob.org.DepartmentDirectory;
import io.distributedjob.org.DepartmentMembers;
import io.distributedjob.role.RoleHolders;
import org.springframework.stereotype.Service;

/**
 * Access to user accounts for authentication and for features that must know whether users remain. An account
 * counts as enabled only while the user is enabled and their department is live (neither it nor a department
 * above it disabled), so a disabled department's users can neither sign in nor use the tokens they hold.
 */
@Service
public class UserAccounts implements DepartmentMembers, RoleHolders {

    private static final int ENABLED = 1;

    private final UserRepository users;
    private final DepartmentDirectory departments;

    UserAccounts(UserRepository users, DepartmentDirectory departments) {
        this.users = users;
        this.departments = departments;
    }

    public Optional<Account> findByUsername(String username) {
        return users.findByUsername(username).map(this::account);
    }

    public Optional<Account> findById(long id) {
        return users.findById(id).map(this::account);
    }

    /**
     * Ends every session of the users in these departments: their tokens stop working for good, so enabling the
     * department again lets them sign in anew but brings no old token back.
     */
    @Override
    public void endSessionsIn(Set<Long> departmentIds) {
        users.advanceTokenVersions(departmentIds);
    }

    @Override
    public long countInDepartment(long departmentId) {
        return users.countInDepartment(departmentId);
    }

    @Override
    public long countWithRole(long roleId) {
        return users.countWithRole(roleId);
    }

    @Override
    public Set<Long> departmentsWithRole(long roleId) {
        return users.departmentsWithRole(roleId);
    }

    private Account account(User user) {
        boolean enabled = user.status() == ENABLED && departments.isLive(user.departmentId());
        return new Account(user.id(), user.username(), user.passwordHash(), user.realName(), user.email(),
                user.phone(), user.departmentId(), user.roleId(), enabled, user.tokenVersion());
    }

    /**
     * What authentication needs to know about a user.
     *
     * @param tokenVersion changes whenever the user's existing tokens must stop working (password changed,
     *                     account or its department disabled)
     */
    public record Account(long id, String username, String passwordHash, String realName, String email,
                          String phone, long departmentId, long roleId, boolean enabled, long tokenVersion) {

        @Override
        public String toString() {
            return "Account[id=" + id + ", username=" + username + "]";
        }
    }
}
