package io.distributedjob.config;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code cluster} section: coordination of instances beyond the shared database.
 *
 * @param etcd membership, leader election and fencing through etcd; off while its endpoints are empty
 */
@Validated
@ConfigurationProperties("cluster")
public record ClusterSettings(@DefaultValue @Valid @NotNull Etcd etcd) {

    /**
     * @param endpoints    etcd client URLs ({@code http://host:port} or {@code https://host:port}); empty: no etcd
     * @param namespace    key prefix of everything this installation writes, so installations can share one etcd
     * @param user         etcd user (empty: no authentication)
     * @param password     password of {@code user}
     * @param caFile       PEM file of the CA that signed the etcd servers' certificates (https endpoints)
     * @param certFile     PEM client certificate for mutual TLS (empty: none)
     * @param keyFile      PEM private key (PKCS#8) of {@code certFile}
     * @param leaseSeconds lifetime of an instance's etcd lease: a member silent this long is gone, and an instance
     *                     that could not renew its lease for this long stops starting fires (fenced)
     */
    public record Etcd(
            @DefaultValue List<@Pattern(regexp = "https?://[^/\\s]+(:[0-9]{1,5})?/?",
                    message = "must be http://host:port or https://host:port") String> endpoints,
            @DefaultValue("/distributedjob") @Pattern(regexp = "/[A-Za-z0-9_./\\-]{0,127}",
                    message = "must start with / and hold only letters, digits, _, ., / or -") String namespace,
            @DefaultValue("") String user,
            @DefaultValue("") String password,
            @DefaultValue("") String caFile,
            @DefaultValue("") String certFile,
            @DefaultValue("") String keyFile,
            @DefaultValue("3") @Min(2) @Max(60) int leaseSeconds) {

        public boolean enabled() {
            return !endpoints.isEmpty();
        }

        /** Members' keys live under this prefix, one per instance, bound to the instance's lease. */
        public String membersPrefix() {
            return stripped() + "/members/";
        }

        /** The leader's key, bound to the leader's lease. */
        public String leaderKey() {
            return stripped() + "/leader";
        }

        private String stripped() {
            return namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
        }

        public List<URI> endpointUris() {
            return endpoints.stream().map(URI::create).toList();
        }

        @AssertTrue(message = "cluster.etcd.user and cluster.etcd.password must be set together")
        public boolean isCredentialsComplete() {
            return user.isEmpty() == password.isEmpty();
        }

        @AssertTrue(message = "cluster.etcd.certFile and cluster.etcd.keyFile must be set together")
        public boolean isClientCertificateComplete() {
            return certFile.isEmpty() == keyFile.isEmpty();
        }

        /** Credentials and client keys are not sent in the clear: TLS options need https endpoints, and the reverse. */
        @AssertTrue(message = "cluster.etcd.endpoints must all be https when caFile or certFile is set, and http otherwise")
        public boolean isTransportConsistent() {
            boolean tls = !caFile.isEmpty() || !certFile.isEmpty();
            return endpoints.stream().allMatch(e -> e.startsWith("https://") == tls);
        }
    }
}
