package io.distributedjob.role;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /roles} and {@code PUT /roles/{id}}: {@code permissions} are permission ids; a null
 * {@code status} means enabled on create and unchanged on update.
 */
record RoleRequest(
        @NotBlank @Size(max = 50) String name,
        @Size(max = 255) String description,
        @NotNull List<@NotNull @Positive Long> permissions,
        @Min(0) @Max(1) Integer status) {
}
