package io.distributedjob.rpc;

import io.distributedjob.support.H2ServerTest;
import org.springframework.beans.factory.annotation.Value;

class RpcApiH2Test extends H2ServerTest implements RpcApiSuite {

    @Value("${local.grpc.port}")
    private int grpcPort;

    @Override
    public int grpcPort() {
        return grpcPort;
    }
}
