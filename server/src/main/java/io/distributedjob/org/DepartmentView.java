package io.distributedjob.org;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A department as the API shows it; {@code children} only in the tree form. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DepartmentView(long id, String name, String description, Long parentId, int status,
                      OffsetDateTime createTime, OffsetDateTime updateTime, List<DepartmentView> children) {

    static DepartmentView of(Department department, ZoneId zone) {
        return of(department, zone, null);
    }

    static DepartmentView of(Department department, ZoneId zone, List<DepartmentView> children) {
        return new DepartmentView(department.id(), department.name(), department.description(),
                department.parentId(), department.status(),
                OffsetDateTime.ofInstant(department.createTime(), zone),
                OffsetDateTime.ofInstant(department.updateTime(), zone), children);
    }
}
