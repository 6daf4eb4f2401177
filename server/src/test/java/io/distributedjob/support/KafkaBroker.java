package io.distributedjob.support;

import java.util.List;
import java.util.Map;

import io.distributedjob.config.KafkaSettings;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real Kafka broker (KRaft, combined broker and controller) in the test JVM, from Kafka's own test kit. */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit kafka;

    private KafkaBroker(KafkaClusterTestKit kafka) {
        this.kafka = kafka;
    }

    public static KafkaBroker start() {
        try {
            KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // One broker: the internal topics must fit on it; a group forms without waiting for more members.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            return new KafkaBroker(kafka);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        }
    }

    /** A new topic of {@code partitions} and settings that dispatch through it in {@code role}. */
    public KafkaSettings topic(String topic, int partitions, KafkaSettings.Role role) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("topic " + topic + " not created", e);
        }
        return new KafkaSettings(List.of(kafka.bootstrapServers().split(",")), topic, topic + "-group", "PLAINTEXT",
                "PLAIN", "", "", role);
    }

    /** The offsets {@code group} has committed, summed over its partitions: how many fires it finished. */
    public long committed(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException("offsets of " + group + " not read", e);
        }
    }

    /** Stops the broker and starts it again on the same port and logs. */
    public void restart() throws Exception {
        BrokerServer broker = kafka.brokers().values().iterator().next();
        broker.shutdown();
        broker.awaitShutdown();
        broker.startup();
        kafka.waitForReadyBrokers();
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}
