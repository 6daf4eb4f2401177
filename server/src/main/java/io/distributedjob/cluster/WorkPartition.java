package io.distributedjob.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;

/**
 * Splits tasks over the live members by rendezvous (highest random weight) hashing, so instances claim disjoint
 * tasks instead of competing for the same rows. When a member joins or goes, only the tasks it gains or held move;
 * the others keep their owner. The database's conditional claim stays the last guard: a task two members believe
 * they own for a moment (while their views of the membership differ) is still claimed by one of them only.
 */
public class WorkPartition {

    private final ClusterMembership membership;

    public WorkPartition(ClusterMembership membership) {
        this.membership = membership;
    }

    /** Whether this instance owns the task under the current membership (true if no member is known). */
    public boolean owns(long taskId) {
        return ownerOf(taskId, membership.liveMembers().stream().map(Member::instanceId).toList())
                .map(membership.self()::equals).orElse(true);
    }

    /** The member owning {@code taskId}, empty when there is none. */
    public static Optional<String> ownerOf(long taskId, Collection<String> memberIds) {
        String owner = null;
        long best = 0;
        for (String id : memberIds) {
            long weight = mix(taskId ^ idHash(id));
            if (owner == null || Long.compareUnsigned(weight, best) > 0
                    || (weight == best && id.compareTo(owner) < 0)) {
                owner = id;
                best = weight;
            }
        }
        return Optional.ofNullable(owner);
    }

    /** FNV-1a over the id's bytes: stable across processes and JVMs, unlike {@link String#hashCode()}'s spread. */
    private static long idHash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
