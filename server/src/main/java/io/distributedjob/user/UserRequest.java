package io.distributedjob.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /users} and {@code PUT /users/{id}}. {@code password} is required on create and, when
 * given on update, resets another user's password (one's own changes only through
 * {@code PATCH /users/{id}/password}, with the old one); a null {@code status} means enabled on create and
 * unchanged on update.
 */
record UserRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.@\\-]+", message = "may contain only letters, digits, _, ., @ and -") String username,
        String password,
        @NotBlank @Size(max = 50) String realName,
        @Size(max = 100) @Email String email,
        @Size(max = 20) @Pattern(regexp = "[0-9+\\- ()]*", message = "may contain only digits, spaces, +, -, ( and )") String phone,
        @NotNull @Positive Long departmentId,
        @NotNull @Positive Long roleId,
        @Min(0) @Max(1) Integer status) {

    @Override
    public String toString() {
        return "UserRequest[username=" + username + "]";
    }
}
