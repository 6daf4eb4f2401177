package io.distributedjob.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.UUID;

import io.distributedjob.DistributedJobApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad configuration value stops the server, and the message names the key, the value and what is expected. */
class ConfigurationValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            server.port           | 70000  | server.port = '70000': must be less than or equal to 65535
            server.timeout        | 0      | server.timeout = '0': must be greater than or equal to 1
            rpc.port              | -1     | rpc.port = '-1': must be greater than or equal to 0
            rpc.keepAliveTime     | 0      | rpc.keepAliveTime = '0': must be greater than or equal to 1
            database.maxConn      | 0      | database.maxConn = '0': must be greater than or equal to 1
            database.schema       | a;drop | database.schema = 'a;drop': must be 1-64 letters, digits, _ or $
            log.level             | LOUD   | log.level = 'LOUD': must be one of TRACE, DEBUG, INFO, WARN, ERROR
            log.maxSize           | 0      | log.maxSize = '0': must be greater than or equal to 1
            job.workers           | -2     | job.workers = '-2': must be greater than or equal to 1
            job.queueSize         | lots   | job.queueSize = 'lots': must be a whole number
            job.maxWorkersPerDepartment | -1 | job.maxWorkersPerDepartment = '-1': must be greater than or equal to 0
            auth.jwtExpireHours   | 0      | auth.jwtExpireHours = '0': must be greater than or equal to 1
            auth.revoker          | disk   | auth.revoker = 'disk': must be one of MEMORY, REDIS
            auth.redis.port       | 99999  | auth.redis.port = '99999': must be less than or equal to 65535
            tracing.samplingRatio | 1.5    | tracing.samplingRatio = '1.5': must be less than or equal to 1.0
            metrics.token         | short  | metrics.token must be empty or at least 16 characters
            tracing.endpoint      | ftp://collector:4318 | tracing.endpoint must be empty or an http(s) URL
            tracing.uiUrlTemplate | http://jaeger:16686/trace/ | tracing.uiUrlTemplate must be empty or an http(s) URL containing {traceId}
            alert.httpTimeoutMs   | 0      | alert.httpTimeoutMs = '0': must be greater than or equal to 100
            alert.smtp.security   | SSL    | alert.smtp.security = 'SSL': must be one of NONE, STARTTLS, TLS
            alert.smtp.from       | nobody | alert.smtp.from = 'nobody': must be an e-mail address
            cluster.etcd.leaseSeconds | 1  | cluster.etcd.leaseSeconds = '1': must be greater than or equal to 2
            cluster.etcd.endpoints | ftp://etcd:2379 | ftp://etcd:2379': must be http://host:port or https://host:port
            cluster.etcd.namespace | jobs  | cluster.etcd.namespace = 'jobs': must start with /
            kafka.brokers         | broker | broker': must be host:port
            kafka.securityProtocol | TLS  | kafka.securityProtocol = 'TLS': must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
            kafka.role            | leader | kafka.role = 'leader': must be one of BOTH, CLAIMER, EXECUTOR
            """)
    void badValueIsReportedWithItsKey(String key, String value, String expected) {
        FailureAnalysis analysis = startWith("--" + key + "=" + value);

        assertThat(analysis).as("start-up must fail on %s=%s", key, value).isNotNull();
        assertThat(analysis.getDescription()).contains(expected);
        assertThat(analysis.getDescription()).doesNotContain("\n");
    }

    private static FailureAnalysis startWith(String badArgument) {
        SpringApplication application = new SpringApplication(DistributedJobApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Path data = Path.of("target", "test-data", "config-" + UUID.randomUUID()).toAbsolutePath();
        Throwable failure = catchThrowable(() -> application.run(
                "--database.embeddedPath=" + data, "--log.path=target/test-logs", badArgument).close());
        return failure == null ? null : new ConfigurationFailureAnalyzer().analyze(failure);
    }
}
