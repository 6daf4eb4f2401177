package io.distributedjob.rpc;

import io.distributedjob.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

/**
 * Starts from a fresh server: a cached test context that was paused while other test classes ran comes back with
 * a scheduling engine that refuses to fire (it does not accept work again once stopped), and ExecuteTaskImmediately
 * needs one that fires.
 */
@DirtiesContext(classMode = ClassMode.BEFORE_CLASS)
class RpcApiH2Test extends H2ServerTest implements RpcApiSuite {

    @Value("${local.grpc.port}")
    private int grpcPort;

    @Override
    public int grpcPort() {
        return grpcPort;
    }
}
