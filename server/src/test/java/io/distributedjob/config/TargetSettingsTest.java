package io.distributedjob.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import io.distributedjob.DistributedJobApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** {@code job.targets} as configs/config.yaml ships it, and a rule that cannot be read. */
class TargetSettingsTest {

    @Test
    void theShippedConfigurationHasNoRulesBeyondTheBuiltInOnes() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("config.yaml", new FileSystemResource("../configs/config.yaml"))
                .forEach(environment.getPropertySources()::addFirst);

        TargetSettings settings = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("job.targets", TargetSettings.class);

        assertThat(settings.allow()).isEmpty();
        assertThat(settings.deny()).isEmpty();
        assertThat(settings.grpcTrustCertificates()).isEmpty();
    }

    @Test
    void anUnreadableRuleStopsTheServerNamingTheKey() {
        SpringApplication application = new SpringApplication(DistributedJobApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        Path data = Path.of("target", "test-data", "config-" + UUID.randomUUID()).toAbsolutePath();

        Throwable failure = catchThrowable(() -> application.run("--database.embeddedPath=" + data,
                "--log.path=target/test-logs", "--job.targets.deny=10.0.0.0/8,10.0.0.0/99").close());
        FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("job.targets")
                .contains("every allow and deny rule must be an address, a CIDR");
    }
}
