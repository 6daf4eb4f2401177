package io.distributedjob.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parent/child links of all departments at one moment, for scope and cycle questions. */
final class DepartmentHierarchy {

    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Map<Long, List<Long>> childrenOf = new HashMap<>();

    DepartmentHierarchy(List<DepartmentRepository.Link> links) {
        for (DepartmentRepository.Link link : links) {
            parentOf.put(link.id(), link.parentId());
            if (link.parentId() != null) {
                childrenOf.computeIfAbsent(link.parentId(), k -> new ArrayList<>()).add(link.id());
            }
        }
    }

    boolean contains(long id) {
        return parentOf.containsKey(id);
    }

    boolean isTopLevel(long id) {
        return contains(id) && parentOf.get(id) == null;
    }

    Set<Long> all() {
        return Set.copyOf(parentOf.keySet());
    }

    /** The department and everything below it; empty when it does not exist. */
    Set<Long> selfAndDescendants(long id) {
        Set<Long> found = new LinkedHashSet<>();
        if (!contains(id)) {
            return found;
        }
        Deque<Long> pending = new ArrayDeque<>();
        pending.push(id);
        while (!pending.isEmpty()) {
            long next = pending.pop();
            // the visited check also stops at a cycle that bad data outside the API might contain
            if (found.add(next)) {
                childrenOf.getOrDefault(next, List.of()).forEach(pending::push);
            }
        }
        return found;
    }
}
