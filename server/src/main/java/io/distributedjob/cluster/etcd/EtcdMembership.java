package io.distributedjob.cluster.etcd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.distributedjob.cluster.ClusterMembership;
import io.distributedjob.cluster.Fencing;
import io.distributedjob.cluster.Member;
import io.distributedjob.cluster.MemberGone;
import io.distributedjob.config.ClusterSettings;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.PutOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's registration in etcd and its view of the others.
 *
 * <p>The instance puts {@code <namespace>/members/<instanceId>} bound to a lease of {@code leaseSeconds} and renews it
 * a few times per lease. A renewal proves the lease valid until the instant the request was sent plus the granted
 * TTL (the server counts from receipt, which is later), so {@link #fenced()} turns true before the server can expire
 * the lease and the others can take over: this instance then starts none of the fires it holds. Once etcd answers
 * again it registers under a new lease and is restored. While it stands aside (its database out of reach) it revokes
 * its lease and stays fenced, unregistered. The others' registrations are followed by a watch
 * ({@link EtcdMemberWatch}).
 */
public class EtcdMembership implements ClusterMembership, Fencing, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EtcdMembership.class);

    private final Client client;
    private final ClusterSettings.Etcd settings;
    private final Clock clock;
    private final Member self;
    private final Duration renewEvery;
    private final EtcdMemberWatch watch;
    private final List<Listener> fencingListeners = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> renewalListeners = new CopyOnWriteArrayList<>();
    private final Thread loop;

    private volatile long leaseId;
    private volatile Instant validUntil = Instant.MIN;
    private volatile boolean running = true;
    private volatile boolean standingAside;
    private boolean reportedFenced = true;

    public EtcdMembership(Client client, ClusterSettings.Etcd settings, Clock clock, String instanceId, String host) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.self = new Member(instanceId, host, clock.instant());
        this.renewEvery = Duration.ofSeconds(settings.leaseSeconds()).dividedBy(3);
        this.watch = new EtcdMemberWatch(client, settings.membersPrefix(), instanceId, renewEvery);
        this.loop = Thread.ofVirtual().name("etcd-membership").unstarted(this::run);
    }

    /** Starts registering and following the membership; returns at once (etcd may still be unreachable). */
    public void start() {
        loop.start();
    }

    @Override
    public String self() {
        return self.instanceId();
    }

    @Override
    public Set<Member> liveMembers() {
        return watch.members();
    }

    @Override
    public boolean registered(String instanceId) {
        try {
            return client.getKVClient().get(EtcdClients.bytes(settings.membersPrefix() + instanceId))
                    .get(renewEvery.toMillis(), TimeUnit.MILLISECONDS).getCount() > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking etcd for member " + instanceId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("etcd did not say whether member " + instanceId + " is registered", e);
        }
    }

    @Override
    public void standAside() {
        standingAside = true;
    }

    @Override
    public void stopStandingAside() {
        standingAside = false;
    }

    @Override
    public void onMemberGone(Consumer<MemberGone> listener) {
        watch.onGone(listener);
    }

    @Override
    public void onMembersChanged(Runnable listener) {
        watch.onChanged(listener);
    }

    @Override
    public boolean fenced() {
        return leaseId == 0 || !clock.instant().isBefore(validUntil);
    }

    @Override
    public void onChange(Listener listener) {
        fencingListeners.add(listener);
    }

    /** The lease this instance's registration is bound to now (0: none). */
    long currentLease() {
        return leaseId;
    }

    /** Called on the membership thread after each successful registration or renewal, with the lease id. */
    void onRenewed(LongConsumer listener) {
        renewalListeners.add(listener);
    }

    private void run() {
        while (running) {
            long turnStarted = System.nanoTime();
            try {
                if (standingAside) {
                    revokeIfRegistered();
                } else if (leaseId == 0 || fenced()) {
                    register();
                } else {
                    renew();
                }
                renewalListeners.forEach(l -> l.accept(leaseId));
            } catch (Exception e) {
                log.debug("etcd did not answer in time: {}", e.toString());
            } catch (Throwable e) {
                log.error("etcd membership loop failed", e);
            }
            reportFencing();
            watch.resyncIfBroken();
            // A renewal that timed out is retried at once: the lease has fewer renewals left.
            sleep(renewEvery.minusNanos(System.nanoTime() - turnStarted));
        }
    }

    /** A new lease and this instance's key under it; an old lease that could not be proven valid is never reused. */
    private void register() throws Exception {
        Instant sent = clock.instant();
        long lease = client.getLeaseClient().grant(settings.leaseSeconds())
                .get(renewEvery.toMillis(), TimeUnit.MILLISECONDS).getID();
        client.getKVClient().put(EtcdClients.bytes(settings.membersPrefix() + self.instanceId()),
                        EtcdClients.bytes(EtcdMemberWatch.encode(self)), PutOption.builder().withLeaseId(lease).build())
                .get(renewEvery.toMillis(), TimeUnit.MILLISECONDS);
        leaseId = lease;
        validUntil = sent.plusSeconds(settings.leaseSeconds());
        log.info("Registered in etcd as {} under lease {}", self.instanceId(), Long.toHexString(lease));
    }

    /** The key goes with the lease, so the others learn at once that this instance left; it is fenced from now on. */
    private void revokeIfRegistered() throws Exception {
        long lease = leaseId;
        if (lease == 0) {
            return;
        }
        leaseId = 0;
        log.warn("Leaving the etcd membership as {}: the database is out of reach, the others take its work over",
                self.instanceId());
        client.getLeaseClient().revoke(lease).get(renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() throws Exception {
        Instant sent = clock.instant();
        long ttl = client.getLeaseClient().keepAliveOnce(leaseId)
                .get(renewEvery.toMillis(), TimeUnit.MILLISECONDS).getTTL();
        if (ttl <= 0) {
            leaseId = 0;
            return;
        }
        validUntil = sent.plusSeconds(ttl);
    }

    private void reportFencing() {
        boolean now = fenced();
        if (now == reportedFenced) {
            return;
        }
        reportedFenced = now;
        if (now) {
            if (!standingAside) {
                log.warn("Fenced: the etcd lease of {} could not be renewed within {} s; no fire it holds is started",
                        self.instanceId(), settings.leaseSeconds());
            }
            fencingListeners.forEach(Listener::fenced);
        } else {
            fencingListeners.forEach(Listener::restored);
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the cluster: the key goes with the revoked lease, so the others learn it at once. */
    @Override
    public void close() {
        running = false;
        loop.interrupt();
        try {
            loop.join(renewEvery.toMillis() * 2);
            if (leaseId != 0) {
                client.getLeaseClient().revoke(leaseId).get(renewEvery.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            log.debug("etcd lease not revoked on leaving: {}", e.toString());
        }
        watch.close();
    }
}
