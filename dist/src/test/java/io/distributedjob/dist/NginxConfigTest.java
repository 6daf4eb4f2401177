package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The NGINX front of a cluster, on its own hosts and in docker-compose: HTTP and gRPC, passive health checks. */
class NginxConfigTest {

    /** What proxy_next_upstream and grpc_next_upstream accept (NGINX's documentation of both). */
    private static final Set<String> NEXT_UPSTREAM_CONDITIONS = Set.of("error", "timeout", "invalid_header", "http_500",
            "http_502", "http_503", "http_504", "http_403", "http_404", "http_429", "non_idempotent", "off");

    @ParameterizedTest
    @ValueSource(strings = {"deploy/nginx/distributedjob.conf", "deploy/compose/nginx.conf"})
    void balancesHttpAndGrpcOverHealthCheckedUpstreams(String file) throws Exception {
        NginxConfig config = NginxConfig.parse(Repository.path(file));
        Map<String, NginxConfig> upstreams = config.all("upstream").stream()
                .collect(Collectors.toMap(upstream -> upstream.arg(0), Function.identity()));
        assertThat(upstreams).containsOnlyKeys("distributed_job", "distributed_job_grpc");
        assertServersOnPort(upstreams.get("distributed_job"), "9088");
        assertServersOnPort(upstreams.get("distributed_job_grpc"), "9090");

        NginxConfig http = serverListeningOn(config, "80");
        NginxConfig root = location(http, "/");
        assertThat(root.all("proxy_pass")).singleElement().extracting(pass -> pass.arg(0)).isEqualTo("http://distributed_job");
        assertThat(root.all("proxy_set_header")).extracting(NginxConfig::args)
                .contains(List.of("Host", "$host"), List.of("X-Real-IP", "$remote_addr"));
        assertThat(root.all("proxy_next_upstream")).singleElement().extracting(NginxConfig::args)
                .asInstanceOf(InstanceOfAssertFactories.LIST).contains("error", "timeout", "http_503");
        assertThat(location(http, "/v1/health").all("proxy_pass")).isNotEmpty();
        assertThat(location(http, "/v1/shutdown").all("return")).as("shutdown refused at the front")
                .singleElement().extracting(ret -> ret.arg(0)).isEqualTo("403");

        NginxConfig grpc = serverListeningOn(config, "9090");
        assertThat(grpc.all("http2")).singleElement().extracting(on -> on.arg(0)).isEqualTo("on");
        assertThat(location(grpc, "/").all("grpc_pass")).singleElement().extracting(pass -> pass.arg(0))
                .isEqualTo("grpc://distributed_job_grpc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/nginx/distributedjob.conf", "deploy/compose/nginx.conf"})
    void retriesOnlyOnConditionsNginxKnows(String file) throws Exception {
        NginxConfig config = NginxConfig.parse(Repository.path(file));
        assertThat(config.find("proxy_next_upstream")).isNotEmpty()
                .allSatisfy(retry -> assertThat(NEXT_UPSTREAM_CONDITIONS).containsAll(retry.args()));
        assertThat(config.find("grpc_next_upstream")).isNotEmpty()
                .allSatisfy(retry -> assertThat(NEXT_UPSTREAM_CONDITIONS).containsAll(retry.args()));
    }

    @Test
    void keepsTheSpecsUpstreamExample() throws Exception {
        NginxConfig upstream = NginxConfig.parse(Repository.path("deploy/nginx/distributedjob.conf")).all("upstream").getFirst();
        assertThat(upstream.all("server")).extracting(server -> server.arg(0))
                .containsExactly("instance1:9088", "instance2:9088", "instance3:9088");
    }

    @Test
    void followsComposeReplicasThroughDockerDns() throws Exception {
        NginxConfig config = NginxConfig.parse(Repository.path("deploy/compose/nginx.conf"));
        assertThat(config.all("resolver")).singleElement().extracting(resolver -> resolver.arg(0)).isEqualTo("127.0.0.11");
        for (NginxConfig upstream : config.all("upstream")) {
            assertThat(upstream.all("zone")).as("resolve needs a shared zone").hasSize(1);
            assertThat(upstream.all("server")).allSatisfy(server -> {
                assertThat(server.arg(0)).startsWith(ComposeFileTest.SERVER_SERVICE + ":");
                assertThat(server.args()).contains("resolve");
            });
        }
    }

    private static void assertServersOnPort(NginxConfig upstream, String port) {
        assertThat(upstream.all("server")).isNotEmpty().allSatisfy(server -> {
            assertThat(server.arg(0)).endsWith(":" + port);
            assertThat(server.args()).anySatisfy(arg -> assertThat(arg).startsWith("max_fails="))
                    .anySatisfy(arg -> assertThat(arg).startsWith("fail_timeout="));
        });
    }

    private static NginxConfig serverListeningOn(NginxConfig config, String port) {
        return config.all("server").stream()
                .filter(server -> server.all("listen").stream().anyMatch(listen -> listen.arg(0).equals(port)))
                .findFirst().orElseThrow(() -> new AssertionError("no server block listens on " + port));
    }

    private static NginxConfig location(NginxConfig server, String path) {
        return server.all("location").stream().filter(location -> location.args().getLast().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no location " + path));
    }
}
