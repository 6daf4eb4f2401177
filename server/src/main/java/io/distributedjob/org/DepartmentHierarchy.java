package io.distributedjob.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parent/child links of all departments at one moment, for scope, liveness and cycle questions.
 *
 * <p>The root is the department without a parent: the API places every other department under it, so there is
 * one. Should rows written outside the API leave several parentless, the oldest (lowest id) is the root, as
 * the bootstrap department always is.
 */
final class DepartmentHierarchy {

    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Map<Long, List<Long>> childrenOf = new HashMap<>();
    private final Set<Long> disabled = new HashSet<>();
    private final Long root;

    DepartmentHierarchy(List<DepartmentRepository.Link> links) {
        Long lowestParentless = null;
        for (DepartmentRepository.Link link : links) {
            parentOf.put(link.id(), link.parentId());
            if (link.parentId() != null) {
                childrenOf.computeIfAbsent(link.parentId(), k -> new ArrayList<>()).add(link.id());
            } else if (lowestParentless == null || link.id() < lowestParentless) {
                lowestParentless = link.id();
            }
            if (!link.enabled()) {
                disabled.add(link.id());
            }
        }
        root = lowestParentless;
    }

    boolean contains(long id) {
        return parentOf.containsKey(id);
    }

    Optional<Long> root() {
        return Optional.ofNullable(root);
    }

    boolean isRoot(long id) {
        return root != null && root == id;
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

    /** The departments that are disabled or sit below a disabled one. */
    Set<Long> notLive() {
        Set<Long> found = new HashSet<>();
        disabled.forEach(id -> found.addAll(selfAndDescendants(id)));
        return found;
    }

    /** Whether the department exists and neither it nor any of its ancestors is disabled. */
    boolean isLive(long id) {
        Set<Long> seen = new HashSet<>();
        for (Long current = id; current != null; current = parentOf.get(current)) {
            if (!contains(current) || disabled.contains(current) || !seen.add(current)) {
                return false;
            }
        }
        return true;
    }
}
