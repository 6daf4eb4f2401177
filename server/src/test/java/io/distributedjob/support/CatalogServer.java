package io.distributedjob.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.distributedjob.testgrpc.catalog.CatalogGrpc;
import io.distributedjob.testgrpc.catalog.FindReply;
import io.distributedjob.testgrpc.catalog.FindRequest;
import io.distributedjob.testgrpc.greeter.GreeterGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.StreamObserver;

/**
 * A real gRPC target with server reflection offering two services: the catalog, whose {@code Find} answers the
 * title it was asked for and keeps each request, and the greeter, listed only (its methods are not implemented).
 */
public final class CatalogServer implements AutoCloseable {

    public static final String SERVICE = "djtest.catalog.Catalog";

    private final List<FindRequest> requests = new CopyOnWriteArrayList<>();
    private final Server server;

    private CatalogServer() throws IOException {
        server = Grpc.newServerBuilderForPort(ServerProcess.freePort(), InsecureServerCredentials.create())
                .addService(new Catalog())
                .addService(new GreeterGrpc.GreeterImplBase() {
                })
                .addService(ProtoReflectionServiceV1.newInstance())
                .build()
                .start();
    }

    public static CatalogServer start() {
        try {
            return new CatalogServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String target() {
        return "127.0.0.1:" + server.getPort();
    }

    public List<FindRequest> requests() {
        return requests;
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }

    private final class Catalog extends CatalogGrpc.CatalogImplBase {

        @Override
        public void find(FindRequest request, StreamObserver<FindReply> response) {
            requests.add(request);
            response.onNext(FindReply.newBuilder().addTitles(request.getTitle()).setTotal(1).build());
            response.onCompleted();
        }
    }
}
