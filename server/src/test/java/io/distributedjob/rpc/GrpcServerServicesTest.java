package io.distributedjob.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.distributedjob.support.H2ServerTest;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The standard services a gRPC client or tool expects next to the API: server reflection and health, no token needed. */
class GrpcServerServicesTest extends H2ServerTest {

    @Value("${local.grpc.port}")
    private int grpcPort;

    @Test
    void reflectionListsTheFourServicesOfTheSpec() throws Exception {
        CompletableFuture<List<String>> services = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(RpcClient.onPort(grpcPort).channel())
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        List<String> names = new ArrayList<>();
                        for (ServiceResponse service : response.getListServicesResponse().getServiceList()) {
                            names.add(service.getName());
                        }
                        services.complete(names);
                    }

                    @Override
                    public void onError(Throwable t) {
                        services.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());

        assertThat(services.get(30, TimeUnit.SECONDS)).contains("scheduler.TaskScheduler", "auth.AuthService",
                "data.DataService", "rpc.proto.ModelContextService", "grpc.health.v1.Health");
        requests.onCompleted();
    }

    @Test
    void healthServiceAnswersServingWithoutAToken() {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(RpcClient.onPort(grpcPort).channel())
                .withDeadlineAfter(30, TimeUnit.SECONDS);

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }
}
