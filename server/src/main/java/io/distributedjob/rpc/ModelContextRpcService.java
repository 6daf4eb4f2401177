package io.distributedjob.rpc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.distributedjob.auth.CurrentUser;
import io.distributedjob.rpc.proto.mcp.ModelContextRequest;
import io.distributedjob.rpc.proto.mcp.ModelContextResponse;
import io.distributedjob.rpc.proto.mcp.ModelContextServiceGrpc;
import io.distributedjob.web.ApiException;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/**
 * The spec's {@code rpc.proto.ModelContextService}: {@code model_id} names a task, a department or a user
 * ({@code task:<id>}, {@code department:<id>}, {@code user:<id>}); {@code context} is a JSON document describing
 * it and its runtime state, built by {@link ModelContexts}.
 */
@Service
class ModelContextRpcService extends ModelContextServiceGrpc.ModelContextServiceImplBase {

    private static final Pattern MODEL_ID = Pattern.compile("(task|department|user):(\\d{1,18})");
    private static final String MODEL_ID_FORMAT = "model_id: must be task:<id>, department:<id> or user:<id>";

    private final ModelContexts contexts;

    ModelContextRpcService(ModelContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public void getModelContext(ModelContextRequest request, StreamObserver<ModelContextResponse> observer) {
        UnaryCall.answer(observer, () -> {
            CurrentUser user = RpcCaller.user();
            Matcher id = MODEL_ID.matcher(request.getModelId().strip().toLowerCase(Locale.ROOT));
            if (!id.matches() || Long.parseLong(id.group(2)) == 0) {
                throw ApiException.invalid(MODEL_ID_FORMAT);
            }
            long objectId = Long.parseLong(id.group(2));
            String context = switch (id.group(1)) {
                case "task" -> contexts.task(user, objectId);
                case "department" -> contexts.department(user, objectId);
                default -> contexts.user(user, objectId);
            };
            return ModelContextResponse.newBuilder().setContext(context).build();
        });
    }
}
