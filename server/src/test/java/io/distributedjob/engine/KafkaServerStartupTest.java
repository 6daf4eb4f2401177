package io.distributedjob.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import io.distributedjob.DistributedJobApplication;
import io.distributedjob.config.KafkaSettings;
import io.distributedjob.dispatch.FireDispatch;
import io.distributedjob.dispatch.KafkaFirePublisher;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.record.RecordTables;
import io.distributedjob.support.KafkaBroker;
import io.distributedjob.support.TargetServer;
import io.distributedjob.task.Task;
import io.distributedjob.task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A server configured with {@code kafka.brokers} sends its claimed fires through the topic to its own executor. */
class KafkaServerStartupTest {

    @Test
    void aServerWithKafkaPublishesItsFiresAndExecutesThemFromTheTopic() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.start(); TargetServer target = new TargetServer()) {
            KafkaSettings topic = kafka.topic("startup-fires", 2, KafkaSettings.Role.BOTH);
            ConfigurableApplicationContext server = new SpringApplication(DistributedJobApplication.class).run(
                    "--server.port=0", "--rpc.port=0", "--log.path=target/test-logs",
                    "--database.embeddedPath=" + Path.of("target", "test-data", "kafka-" + UUID.randomUUID())
                            .toAbsolutePath(),
                    "--kafka.brokers=" + String.join(",", topic.brokers()), "--kafka.topic=" + topic.topic(),
                    "--kafka.consumerGroup=" + topic.consumerGroup());
            try {
                assertThat(server.getBean(FireDispatch.class)).isInstanceOf(KafkaFirePublisher.class);
                JdbcClient jdbc = JdbcClient.create(server.getBean(JdbcTemplate.class));
                Instant first = EverySecondTasks.nextSecond();
                long id = EngineFixture.insertTask(jdbc, "* * * * * *", TaskStatus.ENABLED, first, first.minusSeconds(1),
                        "FIRE_ONCE");
                jdbc.sql("UPDATE task SET url = ? WHERE id = ?").params(target.url("/tick"), id).update();

                await().atMost(Duration.ofSeconds(30)).until(() -> kafka.committed(topic.consumerGroup()) >= 3);
                assertThat(target.calls("/tick")).hasSizeGreaterThanOrEqualTo(3);
                String executor = jdbc.sql("SELECT DISTINCT executor FROM "
                        + RecordTables.tableName(YearMonth.from(first.atZone(ZoneOffset.UTC)))).query(String.class).single();
                assertThat(executor).isEqualTo(server.getBean(InstanceId.class).value());
            } finally {
                server.close();
            }
        }
    }
}
