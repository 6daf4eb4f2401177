package io.distributedjob.rpc;

import io.distributedjob.support.MariaDbServerTest;
import org.springframework.beans.factory.annotation.Value;

class RpcApiMariaDbTest extends MariaDbServerTest implements RpcApiSuite {

    @Value("${local.grpc.port}")
    private int grpcPort;

    @Override
    public int grpcPort() {
        return grpcPort;
    }
}
