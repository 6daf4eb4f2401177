package io.distributedjob.dispatch;

import java.time.Clock;

import io.distributedjob.config.JobSettings;
import io.distributedjob.config.KafkaSettings;
import io.distributedjob.execution.FireExecutor;
import io.distributedjob.kernel.InstanceId;
import io.distributedjob.record.RecordTables;
import io.distributedjob.task.TaskLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claimed fires run where they are claimed unless {@code kafka.brokers} is set: then claimers publish them and
 * executors ({@code kafka.role}) consume them.
 */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    FireDispatch fireDispatch(KafkaSettings kafka, FireExecutor executor) {
        return kafka.enabled() && kafka.role().claims() ? new KafkaFirePublisher(kafka) : new LocalFireDispatch(executor);
    }

    @Bean
    KafkaExecution kafkaExecution(KafkaSettings kafka, JobSettings job, InstanceId instanceId, TaskLookup tasks,
                                  FireExecutor executor, RecordTables tables, JdbcTemplate jdbc, Clock clock) {
        return new KafkaExecution(kafka, instanceId.value(), new TaskFireExecutor(tasks, executor, clock),
                new DatabaseRecordedFires(tables, jdbc, clock), job.shutdownWait());
    }
}
