package io.distributedjob.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What a suite reaches of the whole server it runs against, whatever its database: the REST port, the gRPC port
 * and the application context. {@link H2ServerTest} and {@link MariaDbServerTest} choose the database.
 */
public abstract class ServerTest implements ServerUnderTest {

    @LocalServerPort
    private int port;

    @Value("${local.grpc.port}")
    private int grpcPort;

    @Autowired
    private ApplicationContext context;

    @Override
    public ApiClient api() {
        return ApiClient.onPort(port);
    }

    public int grpcPort() {
        return grpcPort;
    }

    public ApplicationContext context() {
        return context;
    }
}
