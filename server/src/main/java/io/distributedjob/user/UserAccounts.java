package io.distributedjob.user;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** Read access to user accounts for authentication and for features that must know whether users remain. */
@Service
public class UserAccounts {

    private static final int ENABLED = 1;

    private final UserRepository users;

    UserAccounts(UserRepository users) {
        this.users = users;
    }

    public Optional<Account> findByUsername(String username) {
        return users.findByUsername(username).map(UserAccounts::account);
    }

    public Optional<Account> findById(long id) {
        return users.findById(id).map(UserAccounts::account);
    }

    public long countInDepartment(long departmentId) {
        return users.countInDepartment(departmentId);
    }

    public long countWithRole(long roleId) {
        return users.countWithRole(roleId);
    }

    private static Account account(User user) {
        return new Account(user.id(), user.username(), user.passwordHash(), user.realName(), user.email(),
                user.phone(), user.departmentId(), user.roleId(), user.status() == ENABLED, user.tokenVersion());
    }

    /**
     * What authentication needs to know about a user.
     *
     * @param tokenVersion changes whenever the user's existing tokens must stop working (password changed,
     *                     account disabled)
     */
    public record Account(long id, String username, String passwordHash, String realName, String email,
                          String phone, long departmentId, long roleId, boolean enabled, long tokenVersion) {

        @Override
        public String toString() {
            return "Account[id=" + id + ", username=" + username + "]";
        }
    }
}
