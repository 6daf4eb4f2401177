package io.distributedjob.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** Read access to departments for other features: whether one exists and is live, and what it is called. */
@Service
public class DepartmentDirectory {

    private final DepartmentRepository departments;

    DepartmentDirectory(DepartmentRepository departments) {
        this.departments = departments;
    }

    public boolean exists(long id) {
        return departments.findById(id).isPresent();
    }

    /**
     * Whether the department is live: it exists and neither it nor any department above it is disabled. A
     * disabled department switches off its whole subtree, as disabling a branch of an organisation does.
     */
    public boolean isLive(long id) {
        return new DepartmentHierarchy(departments.links()).isLive(id);
    }

    /** The departments that are not live: disabled, or below a disabled one. */
    public Set<Long> notLive() {
        return new DepartmentHierarchy(departments.links()).notLive();
    }

    public Optional<String> nameOf(long id) {
        return departments.findById(id).map(Department::name);
    }

    /** Every department's name by id. */
    public Map<Long, String> names() {
        return departments.findAll().stream().collect(Collectors.toMap(Department::id, Department::name));
    }

    /** The department followed by its parent, grandparent and so on up to its top-level department. */
    public List<Long> selfAndAncestors(long id) {
        Map<Long, Long> parentOf = new HashMap<>();
        departments.links().forEach(link -> parentOf.put(link.id(), link.parentId()));
        List<Long> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        // the seen check also stops at a cycle that bad data outside the API might contain
        for (Long next = id; next != null && parentOf.containsKey(next) && seen.add(next); next = parentOf.get(next)) {
            chain.add(next);
        }
        return chain;
    }
}
