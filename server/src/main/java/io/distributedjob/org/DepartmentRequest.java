package io.distributedjob.org;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /departments} and {@code PUT /departments/{id}}. A null {@code parentId} places the
 * department under the root; a null {@code status} means enabled on create and unchanged on update.
 */
record DepartmentRequest(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 500) String description,
        @Positive Long parentId,
        @Min(0) @Max(1) Integer status) {
}
