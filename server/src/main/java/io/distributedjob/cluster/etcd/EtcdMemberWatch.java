package io.distributedjob.cluster.etcd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.distributedjob.cluster.Member;
import io.distributedjob.cluster.MemberGone;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the members' keys: one listing, then a watch from the listing's revision on, so no join or expiry between
 * the two is missed. A member's key disappears when its lease expires; its deletion revision is the fencing token of
 * the takeover. If the watch breaks (compaction, a lost stream), the next listing reports every member that vanished
 * meanwhile, with the listing's revision as token.
 */
class EtcdMemberWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EtcdMemberWatch.class);
    private static final String FIELD_SEPARATOR = "\n";

    private final Client client;
    private final String prefix;
    private final String self;
    private final Duration timeout;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final List<Consumer<MemberGone>> goneListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    private volatile boolean broken = true;
    private Watch.Watcher watcher;

    EtcdMemberWatch(Client client, String prefix, String self, Duration timeout) {
        this.client = client;
        this.prefix = prefix;
        this.self = self;
        this.timeout = timeout;
    }

    Set<Member> members() {
        return Set.copyOf(members.values());
    }

    void onGone(Consumer<MemberGone> listener) {
        goneListeners.add(listener);
    }

    void onChanged(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Lists the members and watches from there on, if no healthy watch runs; keeps trying on the next call if etcd is away. */
    synchronized void resyncIfBroken() {
        if (!broken) {
            return;
        }
        try {
            GetResponse listing = client.getKVClient()
                    .get(EtcdClients.bytes(prefix), GetOption.builder().isPrefix(true).build())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long revision = listing.getHeader().getRevision();
            Map<String, Member> fresh = new HashMap<>();
            for (KeyValue kv : listing.getKvs()) {
                Member member = decode(idOf(kv), text(kv.getValue()));
                fresh.put(member.instanceId(), member);
            }
            if (watcher != null) {
                watcher.close();
            }
            broken = false;
            for (String id : Set.copyOf(members.keySet())) {
                if (!fresh.containsKey(id)) {
                    gone(id, revision);
                }
            }
            members.putAll(fresh);
            changeListeners.forEach(Runnable::run);
            watcher = client.getWatchClient().watch(EtcdClients.bytes(prefix),
                    WatchOption.builder().isPrefix(true).withRevision(revision + 1).build(),
                    this::onEvents, this::onError);
        } catch (Exception e) {
            log.debug("etcd members not listed: {}", e.toString());
        }
    }

    private void onEvents(WatchResponse response) {
        boolean changed = false;
        for (WatchEvent event : response.getEvents()) {
            String id = idOf(event.getKeyValue());
            if (event.getEventType() == WatchEvent.EventType.PUT) {
                members.put(id, decode(id, text(event.getKeyValue().getValue())));
                changed = true;
            } else if (event.getEventType() == WatchEvent.EventType.DELETE) {
                changed |= gone(id, event.getKeyValue().getModRevision());
            }
        }
        if (changed) {
            changeListeners.forEach(Runnable::run);
        }
    }

    private boolean gone(String id, long revision) {
        if (members.remove(id) == null) {
            return false;
        }
        if (!id.equals(self)) {
            log.info("Member {} is gone (etcd revision {})", id, revision);
            MemberGone event = new MemberGone(id, revision);
            goneListeners.forEach(l -> l.accept(event));
        }
        return true;
    }

    private void onError(Throwable error) {
        log.warn("etcd watch of the members broke, listing them again: {}", error.toString());
        broken = true;
    }

    private String idOf(KeyValue kv) {
        return text(kv.getKey()).substring(prefix.length());
    }

    static String encode(Member member) {
        return member.host() + FIELD_SEPARATOR + member.started();
    }

    private static Member decode(String id, String value) {
        String[] fields = value.split(FIELD_SEPARATOR, 2);
        Instant started = fields.length == 2 ? Instant.parse(fields[1]) : Instant.EPOCH;
        return new Member(id, fields[0], started);
    }

    private static String text(io.etcd.jetcd.ByteSequence bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        broken = false;
        if (watcher != null) {
            watcher.close();
        }
    }
}
