package io.distributedjob.rpc;

import io.distributedjob.rpc.proto.mcp.ModelContextRequest;
import io.distributedjob.rpc.proto.mcp.ModelContextResponse;
import io.distributedjob.rpc.proto.mcp.ModelContextServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/**
 * The spec's {@code rpc.proto.ModelContextService}: {@code model_id} names a task, a department or a user
 * ({@code task:<id>}, {@code department:<id>}, {@code user:<id>}); {@code context} is a JSON document describing
 * it and its runtime state, built by {@link ModelContexts}.
 */
@Service
class ModelContextRpcService extends ModelContextServiceGrpc.ModelContextServiceImplBase {

    private final ModelContexts contexts;

    ModelContextRpcService(ModelContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public void getModelContext(ModelContextRequest request, StreamObserver<ModelContextResponse> observer) {
        UnaryCall.answer(observer, () -> ModelContextResponse.newBuilder()
                .setContext(contexts.of(RpcCaller.user(), request.getModelId())).build());
    }
}
