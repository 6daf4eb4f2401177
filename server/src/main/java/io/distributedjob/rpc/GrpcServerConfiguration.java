package io.distributedjob.rpc;

import io.distributedjob.config.RpcSettings;
import io.grpc.netty.NettyServerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/**
 * The spec's {@code rpc} settings that Spring gRPC has no property for; port and keep-alive are mapped onto its
 * properties in {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class GrpcServerConfiguration {

    @Bean
    ServerBuilderCustomizer<NettyServerBuilder> concurrentStreamLimit(RpcSettings settings) {
        return builder -> builder.maxConcurrentCallsPerConnection(settings.maxConcurrentStreams());
    }
}
