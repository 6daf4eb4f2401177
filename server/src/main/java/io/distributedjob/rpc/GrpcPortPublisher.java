package io.distributedjob.rpc;

import java.util.Map;

import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.stereotype.Component;

/**
 * Publishes the port the gRPC server actually listens on as {@code local.grpc.port}, as Spring Boot does with
 * {@code local.server.port} for HTTP: with {@code rpc.port: 0} it is only known once the server has started.
 */
@Component
class GrpcPortPublisher implements ApplicationListener<GrpcServerStartedEvent> {

    static final String PROPERTY = "local.grpc.port";
    private static final String SOURCE = "grpc.server.ports";

    private final ConfigurableEnvironment environment;

    GrpcPortPublisher(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(GrpcServerStartedEvent event) {
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(PROPERTY, event.getPort())));
    }
}
