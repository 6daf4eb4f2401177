package io.distributedjob.cluster.etcd;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLException;

import io.distributedjob.config.ClusterSettings;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.netty.handler.ssl.SslContextBuilder;

/** Builds the etcd client from {@code cluster.etcd}: endpoints, credentials and TLS. */
public final class EtcdClients {

    private EtcdClients() {
    }

    public static Client build(ClusterSettings.Etcd etcd) {
        Duration lease = Duration.ofSeconds(etcd.leaseSeconds());
        ClientBuilder builder = Client.builder()
                .endpoints(etcd.endpointUris().toArray(java.net.URI[]::new))
                // A connection attempt or a retry must not outlast the lease it is meant to keep.
                .connectTimeout(lease.dividedBy(3))
                .retryMaxDuration(lease)
                .keepaliveTime(lease)
                .keepaliveTimeout(lease.dividedBy(3));
        if (!etcd.user().isEmpty()) {
            builder.user(bytes(etcd.user())).password(bytes(etcd.password()));
        }
        if (!etcd.caFile().isEmpty() || !etcd.certFile().isEmpty()) {
            try {
                builder.sslContext(ssl -> configureTls(ssl, etcd));
            } catch (SSLException e) {
                throw new IllegalStateException("cluster.etcd TLS options are unusable: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private static void configureTls(SslContextBuilder ssl, ClusterSettings.Etcd etcd) {
        if (!etcd.caFile().isEmpty()) {
            ssl.trustManager(new File(etcd.caFile()));
        }
        if (!etcd.certFile().isEmpty()) {
            ssl.keyManager(new File(etcd.certFile()), new File(etcd.keyFile()));
        }
    }

    static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }
}
