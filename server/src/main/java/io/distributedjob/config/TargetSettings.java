package io.distributedjob.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.distributedjob.net.TargetRule;
import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code job.targets}: where tasks may connect, and how gRPC targets are trusted over TLS.
 *
 * @param allow                  CIDRs, addresses and host patterns ({@code *.internal}); when not empty, only
 *                               targets matching one of them are called
 * @param deny                   rules refused on top of the built-in ones (link-local and cloud metadata);
 *                               deny wins over allow
 * @param grpcTrustCertificates  PEM file of the CA certificates trusted by gRPC tasks over TLS; empty: the JVM's
 *                               trust store
 */
@Validated
@ConfigurationProperties("job.targets")
public record TargetSettings(
        @DefaultValue List<String> allow,
        @DefaultValue List<String> deny,
        @DefaultValue("") String grpcTrustCertificates) {

    @AssertTrue(message = "every allow and deny rule must be an address, a CIDR (10.0.0.0/8, fd00::/8) "
            + "or a host pattern (db.example.com, *.internal)")
    public boolean isEveryRuleReadable() {
        return allow.stream().allMatch(TargetRule::isReadable) && deny.stream().allMatch(TargetRule::isReadable);
    }

    @AssertTrue(message = "grpcTrustCertificates must be empty or a readable PEM file")
    public boolean isGrpcTrustCertificatesReadable() {
        return grpcTrustCertificates.isBlank() || Files.isReadable(Path.of(grpcTrustCertificates));
    }
}
