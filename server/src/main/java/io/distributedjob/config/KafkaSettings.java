package io.distributedjob.config;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code kafka} section: optional dispatch of due fires through a Kafka topic, so the instances that execute
 * calls scale apart from the ones that claim fires.
 *
 * @param brokers          bootstrap servers ({@code host:port}); empty: fires are executed where they are claimed
 * @param topic            topic the fires are published to, keyed by task id so one task's fires stay in order
 * @param consumerGroup    consumer group shared by all executing instances
 * @param securityProtocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param saslMechanism    PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (SASL protocols only)
 * @param username         SASL user
 * @param password         SASL password
 * @param role             what this instance does with the topic
 */
@Validated
@ConfigurationProperties("kafka")
public record KafkaSettings(
        @DefaultValue List<@Pattern(regexp = "[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}", message = "must be host:port") String> brokers,
        @DefaultValue("distributedjob-fires") @Pattern(regexp = "[A-Za-z0-9._\\-]{1,249}",
                message = "must be 1-249 letters, digits, ., _ or -") String topic,
        @DefaultValue("distributedjob-executors") @Pattern(regexp = "[A-Za-z0-9._\\-]{1,249}",
                message = "must be 1-249 letters, digits, ., _ or -") String consumerGroup,
        @DefaultValue("PLAINTEXT") @Pattern(regexp = "PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL",
                message = "must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL") String securityProtocol,
        @DefaultValue("PLAIN") @Pattern(regexp = "PLAIN|SCRAM-SHA-256|SCRAM-SHA-512",
                message = "must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512") String saslMechanism,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("BOTH") @NotNull Role role) {

    /** Claimers publish due fires; executors consume and call; BOTH does the two. */
    public enum Role {
        BOTH, CLAIMER, EXECUTOR;

        public boolean claims() {
            return this != EXECUTOR;
        }

        public boolean executes() {
            return this != CLAIMER;
        }
    }

    public boolean enabled() {
        return !brokers.isEmpty();
    }

    /** Whether this instance claims fires: always without Kafka, else unless it only executes. */
    public boolean claimsHere() {
        return !enabled() || role.claims();
    }

    public boolean sasl() {
        return securityProtocol.startsWith("SASL_");
    }

    @AssertTrue(message = "kafka.username and kafka.password are required with a SASL securityProtocol, and only then")
    public boolean isSaslCredentialsConsistent() {
        return sasl() == !username.isEmpty() && username.isEmpty() == password.isEmpty();
    }
}
