package io.distributedjob.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.audit.AuditLog;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Service;

/** Departments within the caller's scope: listing, the tree, and changes that keep the hierarchy sound. */
@Service
public class DepartmentService {

    private static final int ENABLED = 1;

    private final DepartmentRepository departments;
    private final DepartmentScopeService scope;
    private final DepartmentMembers users;
    private final AuditLog audit;
    private final Clock clock;

    DepartmentService(DepartmentRepository departments, DepartmentScopeService scope, DepartmentMembers users,
                      AuditLog audit, Clock clock) {
        this.departments = departments;
        this.scope = scope;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public List<DepartmentView> list(CurrentUser actor, String keyword) {
        return visible(actor).stream()
                .filter(department -> matches(department, keyword))
                .map(department -> DepartmentView.of(department, clock.getZone()))
                .toList();
    }

    /**
     * The visible departments as a forest: each visible department whose parent is not visible is a root. With a
     * keyword, a department stays when it or one of its descendants matches.
     */
    List<DepartmentView> tree(CurrentUser actor, String keyword) {
        List<Department> visible = visible(actor);
        Map<Long, Department> byId = new HashMap<>();
        visible.forEach(department -> byId.put(department.id(), department));
        Map<Long, List<Department>> children = new HashMap<>();
        List<Department> roots = new ArrayList<>();
        for (Department department : visible) {
            if (department.parentId() != null && byId.containsKey(department.parentId())) {
                children.computeIfAbsent(department.parentId(), k -> new ArrayList<>()).add(department);
            } else {
                roots.add(department);
            }
        }
        List<DepartmentView> forest = new ArrayList<>();
        for (Department root : roots) {
            DepartmentView node = node(root, children, keyword, new LinkedHashSet<>());
            if (node != null) {
                forest.add(node);
            }
        }
        return forest;
    }

    public DepartmentView get(CurrentUser actor, long id) {
        Department department = existing(id);
        scope.requireAccess(actor, id);
        return DepartmentView.of(department, clock.getZone());
    }

    DepartmentView create(CurrentUser actor, DepartmentRequest request) {
        return audit.trackCreate(actor, AuditLog.DEPARTMENT, DepartmentView::id, () -> {
            String name = request.name().strip();
            long parentId = parentOrRoot(request.parentId());
            requireParentAllowed(actor, parentId);
            if (departments.siblingNamed(parentId, name, 0)) {
                throw ApiException.conflict("departmentNameTaken", Map.of("name", name),
                        "name: a department named '" + name + "' already exists there");
            }
            int status = request.status() == null ? ENABLED : request.status();
            long id = departments.insert(name, request.description(), parentId, status, clock.instant());
            return DepartmentView.of(existing(id), clock.getZone());
        });
    }

    /**
     * Changes a department. A null {@code parentId} places it under the root, as on create; the root itself stays
     * where it is and stays enabled, or nobody could sign in to undo it; for the same reason nobody disables
     * their own department. Disabling a department ends the sessions of everyone in it and below it at once.
     */
    DepartmentView update(CurrentUser actor, long id, DepartmentRequest request) {
        return audit.track(actor, AuditLog.UPDATE, AuditLog.DEPARTMENT, id, () -> {
            Department current = existing(id);
            scope.requireAccess(actor, id);
            DepartmentHierarchy hierarchy = scope.hierarchy();
            boolean root = hierarchy.isRoot(id);
            String name = request.name().strip();
            int status = request.status() == null ? current.status() : request.status();
            Long parentId = root ? null : parentOrRoot(request.parentId());
            if (root && request.parentId() != null) {
                throw ApiException.invalid("parentId: the root department cannot be placed under another department");
            }
            if (root && status != ENABLED) {
                throw ApiException.invalid("status: the root department cannot be disabled");
            }
            if (status != ENABLED && hierarchy.selfAndDescendants(id).contains(actor.departmentId())) {
                throw ApiException.forbidden("status: you cannot disable your own department or one above it");
            }
            if (!Objects.equals(current.parentId(), parentId)) {
                requireParentAllowed(actor, parentId);
                if (hierarchy.selfAndDescendants(id).contains(parentId)) {
                    throw ApiException.invalid("parentId: a department cannot be placed under itself or its sub-departments");
                }
            }
            if (departments.siblingNamed(parentId, name, id)) {
                throw ApiException.conflict("departmentNameTaken", Map.of("name", name),
                        "name: a department named '" + name + "' already exists there");
            }
            departments.update(id, name, request.description(), parentId, status, clock.instant());
            if (current.status() == ENABLED && status != ENABLED) {
                users.endSessionsIn(hierarchy.selfAndDescendants(id));
            }
            return DepartmentView.of(existing(id), clock.getZone());
        });
    }

    void delete(CurrentUser actor, long id) {
        audit.track(actor, AuditLog.DELETE, AuditLog.DEPARTMENT, id, () -> {
            existing(id);
            scope.requireAccess(actor, id);
            if (scope.hierarchy().isRoot(id)) {
                throw ApiException.conflict("rootDepartment", Map.of(), "the root department cannot be deleted");
            }
            if (departments.countChildren(id) > 0) {
                throw ApiException.conflict("departmentHasChildren", Map.of("id", id),
                        "department " + id + " still has sub-departments");
            }
            if (users.countInDepartment(id) > 0) {
                throw ApiException.conflict("departmentHasUsers", Map.of("id", id),
                        "department " + id + " still has users");
            }
            if (departments.countTasks(id) > 0) {
                throw ApiException.conflict("departmentHasTasks", Map.of("id", id),
                        "department " + id + " still has tasks");
            }
            departments.delete(id);
        });
    }

    /** The parent a request names, or the root when it names none. */
    private long parentOrRoot(Long parentId) {
        if (parentId != null) {
            return parentId;
        }
        return scope.hierarchy().root()
                .orElseThrow(() -> new IllegalStateException("no root department: the bootstrap data is missing"));
    }

    /** A department may be placed only under an existing one within the actor's scope. */
    private void requireParentAllowed(CurrentUser actor, long parentId) {
        scope.requirePlacement(actor, parentId, "parentId");
    }

    private Department existing(long id) {
        return departments.findById(id).orElseThrow(() -> ApiException.notFound("department " + id + " not found"));
    }

    private List<Department> visible(CurrentUser actor) {
        Set<Long> ids = scope.visibleDepartments(actor);
        return departments.findAll().stream()
                .filter(department -> ids.contains(department.id()))
                .sorted(Comparator.comparingLong(Department::id))
                .toList();
    }

    private DepartmentView node(Department department, Map<Long, List<Department>> children, String keyword,
                                Set<Long> path) {
        if (!path.add(department.id())) {
            return null;
        }
        List<DepartmentView> kids = new ArrayList<>();
        for (Department child : children.getOrDefault(department.id(), List.of())) {
            DepartmentView node = node(child, children, keyword, path);
            if (node != null) {
                kids.add(node);
            }
        }
        path.remove(department.id());
        if (!kids.isEmpty() || matches(department, keyword)) {
            return DepartmentView.of(department, clock.getZone(), kids);
        }
        return null;
    }

    private static boolean matches(Department department, String keyword) {
        return keyword == null || keyword.isBlank()
                || department.name().toLowerCase(Locale.ROOT).contains(keyword.strip().toLowerCase(Locale.ROOT));
    }
}
