package io.distributedjob.cluster;

/**
 * A member whose registration ended: its lease expired or it left.
 *
 * @param instanceId the member that is gone
 * @param revision   the coordination store's revision at which it went; it only grows, so a takeover that carries it
 *                   as its fencing token can be told apart from an older one
 */
public record MemberGone(String instanceId, long revision) {
}
