package io.distributedjob.cluster.etcd;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.distributedjob.cluster.LeaderElection;
import io.distributedjob.config.ClusterSettings;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership as a key bound to the leader's membership lease: whoever creates {@code <namespace>/leader} while it is
 * absent (a compare-and-put on its create revision) leads until its lease ends, when etcd deletes the key with it.
 * Every member that does not lead tries again after each renewal of its own lease, so a new leader is in place at
 * most one renewal after the old lease expired; a fenced leader stops leading at once, before its key can expire.
 */
public class EtcdLeaderElection implements LeaderElection {

    private static final Logger log = LoggerFactory.getLogger(EtcdLeaderElection.class);

    private final Client client;
    private final EtcdMembership membership;
    private final ByteSequence key;
    private final Duration timeout;

    private volatile long leadingUnder;
    private volatile boolean steppedDown;

    public EtcdLeaderElection(Client client, ClusterSettings.Etcd settings, EtcdMembership membership) {
        this.client = client;
        this.membership = membership;
        this.key = EtcdClients.bytes(settings.leaderKey());
        this.timeout = Duration.ofSeconds(settings.leaseSeconds()).dividedBy(3);
        membership.onRenewed(this::campaignUnlessLeading);
    }

    @Override
    public boolean isLeader() {
        return leadingUnder != 0 && leadingUnder == membership.currentLease() && !membership.fenced() && !steppedDown;
    }

    /**
     * Deletes the leader key if it still names this instance, so that another member wins the next campaign (within
     * one renewal) instead of waiting for this instance's lease, which etcd keeps renewing while only the database is
     * cut off.
     */
    @Override
    public void stepDown() {
        if (steppedDown) {
            return;
        }
        steppedDown = true;
        if (leadingUnder == 0) {
            return;
        }
        leadingUnder = 0;
        log.warn("{} steps down as leader: it cannot do the cluster's housekeeping now", membership.self());
        try {
            client.getKVClient().txn()
                    .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.value(EtcdClients.bytes(membership.self()))))
                    .Then(Op.delete(key, DeleteOption.DEFAULT))
                    .commit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Could not give the leader key up; it goes with this instance's lease: {}", e.toString());
        }
    }

    @Override
    public void rejoin() {
        steppedDown = false;
    }

    private void campaignUnlessLeading(long lease) {
        if (lease == 0 || lease == leadingUnder || steppedDown) {
            return;
        }
        try {
            ByteSequence self = EtcdClients.bytes(membership.self());
            TxnResponse response = client.getKVClient().txn()
                    .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                    .Then(Op.put(key, self, PutOption.builder().withLeaseId(lease).build()))
                    .Else(Op.get(key, GetOption.DEFAULT))
                    .commit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean won = response.isSucceeded() || response.getGetResponses().stream()
                    .flatMap(get -> get.getKvs().stream())
                    .anyMatch(kv -> kv.getLease() == lease && kv.getValue().equals(self));
            if (won && leadingUnder != lease) {
                log.info("{} leads the cluster's housekeeping", membership.self());
                leadingUnder = lease;
            }
        } catch (Exception e) {
            log.debug("etcd leader election not decided: {}", e.toString());
        }
    }
}
