package io.distributedjob.dispatch;

import java.util.HashMap;
import java.util.Map;

import io.distributedjob.config.KafkaSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer's and consumer's properties from {@code kafka.*}: one place for connection, security and delivery. */
final class KafkaClients {

    private KafkaClients() {
    }

    /** Idempotent and acknowledged by all in-sync replicas: a fire the claimer was told is published is not lost. */
    static Map<String, Object> producer(KafkaSettings settings) {
        Map<String, Object> props = common(settings);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return props;
    }

    /** Offsets are committed by hand, after the fires' records are written; a new group starts at the oldest fire. */
    static Map<String, Object> consumer(KafkaSettings settings, String clientId) {
        Map<String, Object> props = common(settings);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return props;
    }

    private static Map<String, Object> common(KafkaSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", settings.brokers()));
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, settings.securityProtocol());
        if (settings.sasl()) {
            props.put(SaslConfigs.SASL_MECHANISM, settings.saslMechanism());
            String module = settings.saslMechanism().equals("PLAIN")
                    ? PlainLoginModule.class.getName() : ScramLoginModule.class.getName();
            props.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaasQuoted(settings.username())
                    + "\" password=\"" + jaasQuoted(settings.password()) + "\";");
        }
        return props;
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
