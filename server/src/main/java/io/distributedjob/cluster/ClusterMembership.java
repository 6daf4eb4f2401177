package io.distributedjob.cluster;

import java.util.Set;
import java.util.function.Consumer;

/** Which instances are alive, and word the moment one of them is gone (so its claimed fires are taken over at once). */
public interface ClusterMembership {

    /** This instance's id. */
    String self();

    /** The members currently registered, this one included while its registration is valid. */
    Set<Member> liveMembers();

    /**
     * Whether {@code instanceId} holds a registration now, asked of the coordination store itself rather than of the
     * followed view: a member reported gone may have registered again since.
     *
     * @throws RuntimeException if the store cannot answer
     */
    boolean registered(String instanceId);

    /**
     * This instance cannot reach the database: it gives its registration up, so that the others take its tasks and
     * claimed fires over at once rather than after the database lease, and registers again only after
     * {@link #stopStandingAside()}. Without a coordination store there is nothing to give up: the database lease is
     * the only one.
     */
    default void standAside() {
    }

    /** The database is in reach again: this instance registers as before. */
    default void stopStandingAside() {
    }

    /** Called, on a coordination thread, for each other member whose registration ended. */
    void onMemberGone(Consumer<MemberGone> listener);

    /** Called, on a coordination thread, whenever a member joins or goes (for re-balancing partitions). */
    void onMembersChanged(Runnable listener);
}
