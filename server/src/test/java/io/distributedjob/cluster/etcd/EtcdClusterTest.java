package io.distributedjob.cluster.etcd;

import io.distributedjob.support.Needs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.distributedjob.cluster.Fencing;
import io.distributedjob.cluster.Member;
import io.distributedjob.cluster.MemberGone;
import io.distributedjob.config.ClusterSettings;
import io.distributedjob.support.EtcdServer;
import io.distributedjob.support.TestService;
import io.etcd.jetcd.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Needs(TestService.ETCD)
/** Membership, leader election and fencing against a real etcd process, with several members in this JVM. */
class EtcdClusterTest {

    private static final int LEASE_SECONDS = 3;
    /** A member's expiry is seen within its lease plus one renewal period and some scheduling slack. */
    private static final Duration WITHIN_LEASE = Duration.ofSeconds(LEASE_SECONDS + 3);

    @TempDir
    static Path dir;
    static EtcdServer etcd;
    private static final AtomicInteger namespaces = new AtomicInteger();

    private final List<Node> nodes = new ArrayList<>();
    private final String namespace = "/test" + namespaces.incrementAndGet();

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.start(dir);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @AfterEach
    void leave() {
        nodes.forEach(Node::close);
    }

    @Test
    void membersLearnJoinsAndExpiriesByWatchWithTheRevisionAsToken() {
        Node a = join("a");
        Node b = join("b");
        Node c = join("c");
        List<MemberGone> seenByA = new CopyOnWriteArrayList<>();
        a.membership.onMemberGone(seenByA::add);

        await().atMost(WITHIN_LEASE).until(() -> ids(a).equals(Set.of("a", "b", "c"))
                && ids(b).equals(Set.of("a", "b", "c")) && ids(c).equals(Set.of("a", "b", "c")));
        assertThat(a.membership.liveMembers()).extracting(Member::host).containsOnly("host-a", "host-b", "host-c");

        assertThat(a.membership.registered("c")).isTrue();
        c.crash();

        await().atMost(WITHIN_LEASE).until(() -> ids(a).equals(Set.of("a", "b")) && ids(b).equals(Set.of("a", "b")));
        assertThat(seenByA).singleElement().satisfies(gone -> {
            assertThat(gone.instanceId()).isEqualTo("c");
            assertThat(gone.revision()).isPositive();
        });
        assertThat(a.membership.registered("c")).as("asked of etcd after the expiry").isFalse();
        assertThat(a.membership.registered("a")).isTrue();
    }

    @Test
    void exactlyOneLeaderAndAnotherTakesOverWhenItIsGone() {
        Node a = join("a");
        Node b = join("b");
        Node c = join("c");
        await().atMost(WITHIN_LEASE).until(() -> leaders(a, b, c).size() == 1);
        Node leader = leaders(a, b, c).getFirst();

        leader.crash();

        List<Node> survivors = new ArrayList<>(List.of(a, b, c));
        survivors.remove(leader);
        await().atMost(WITHIN_LEASE).until(() -> leaders(survivors.toArray(Node[]::new)).size() == 1);
        assertThat(leader.election.isLeader()).isFalse();
    }

    @Test
    void aLeaderThatStepsDownIsReplacedWithinARenewalWhileItsLeaseLivesAndMayLeadAgainAfterRejoining() {
        Node a = join("a");
        Node b = join("b");
        await().atMost(WITHIN_LEASE).until(() -> leaders(a, b).size() == 1);
        Node leader = leaders(a, b).getFirst();
        Node other = leader == a ? b : a;

        leader.election.stepDown();

        assertThat(leader.election.isLeader()).isFalse();
        // one renewal (a third of the lease) and slack, well before the stepped-down member's lease could expire
        await().atMost(Duration.ofSeconds(2)).until(other.election::isLeader);
        assertThat(leader.membership.fenced()).isFalse();

        leader.election.rejoin();
        other.crash();
        await().atMost(WITHIN_LEASE).until(leader.election::isLeader);
    }

    @Test
    void aMemberStandingAsideIsGoneForTheOthersAtOnceAndFencedUntilItRegistersAgain() {
        Node a = join("a");
        Node b = join("b");
        await().atMost(WITHIN_LEASE).until(() -> !a.membership.fenced() && ids(b).equals(Set.of("a", "b")));
        List<MemberGone> seenByB = new CopyOnWriteArrayList<>();
        b.membership.onMemberGone(seenByB::add);

        a.membership.standAside();

        // the lease is revoked, not left to expire: within a renewal and slack, well inside the lease
        await().atMost(Duration.ofSeconds(2)).until(() -> ids(b).equals(Set.of("b")));
        assertThat(seenByB).extracting(MemberGone::instanceId).containsExactly("a");
        assertThat(a.membership.fenced()).isTrue();
        assertThat(b.membership.registered("a")).isFalse();

        a.membership.stopStandingAside();
        await().atMost(WITHIN_LEASE).until(() -> !a.membership.fenced() && ids(b).equals(Set.of("a", "b")));
    }

    @Test
    void anInstanceCutOffFromEtcdIsFencedWithinItsLeaseAndRestoredWhenEtcdIsBack() {
        Node a = join("a");
        Node b = join("b");
        await().atMost(WITHIN_LEASE).until(() -> !a.membership.fenced() && ids(b).equals(Set.of("a", "b")));
        List<String> signals = new CopyOnWriteArrayList<>();
        a.membership.onChange(new Fencing.Listener() {
            @Override
            public void fenced() {
                signals.add("fenced");
            }

            @Override
            public void restored() {
                signals.add("restored");
            }
        });

        long cut = System.nanoTime();
        etcd.kill();
        await().atMost(Duration.ofSeconds(LEASE_SECONDS + 1)).until(a.membership::fenced);
        assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS));
        assertThat(a.election.isLeader()).isFalse();
        assertThat(b.election.isLeader()).isFalse();

        etcd.resume();

        await().atMost(Duration.ofSeconds(15)).until(() -> !a.membership.fenced() && !b.membership.fenced()
                && ids(a).equals(Set.of("a", "b")) && leaders(a, b).size() == 1);
        // A freshly restarted etcd may answer slowly for a moment: the member may be fenced again before it settles.
        await().atMost(WITHIN_LEASE).untilAsserted(() -> assertThat(signals).isNotEmpty().last().isEqualTo("restored"));
        for (int i = 0; i < signals.size(); i++) {
            assertThat(signals.get(i)).isEqualTo(i % 2 == 0 ? "fenced" : "restored");
        }
    }

    private Node join(String id) {
        ClusterSettings.Etcd settings = new ClusterSettings.Etcd(List.of(etcd.endpoint()), namespace, "", "", "", "",
                "", LEASE_SECONDS);
        Client client = EtcdClients.build(settings);
        EtcdMembership membership = new EtcdMembership(client, settings, Clock.systemUTC(), id, "host-" + id);
        EtcdLeaderElection election = new EtcdLeaderElection(client, settings, membership);
        membership.start();
        Node node = new Node(client, membership, election);
        nodes.add(node);
        return node;
    }

    private static Set<String> ids(Node node) {
        return node.membership.liveMembers().stream().map(Member::instanceId).collect(Collectors.toSet());
    }

    private static List<Node> leaders(Node... candidates) {
        return List.of(candidates).stream().filter(n -> n.election.isLeader()).toList();
    }

    private record Node(Client client, EtcdMembership membership, EtcdLeaderElection election) {

        /** The process dies: its connection goes, nothing is revoked, its lease runs out on the server. */
        void crash() {
            client.close();
        }

        void close() {
            membership.close();
            client.close();
        }
    }
}
