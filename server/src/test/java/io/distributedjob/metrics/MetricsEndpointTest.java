package io.distributedjob.metrics;

import static io.distributedjob.metrics.PrometheusScrape.samples;
import static io.distributedjob.metrics.PrometheusScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.distributedjob.rpc.RpcClient;
import io.distributedjob.support.H2ServerTest;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/metrics} with no {@code metrics.token}: public Prometheus text with the usual series. */
class MetricsEndpointTest extends H2ServerTest {

    @Test
    void servesPrometheusTextWithoutAToken() throws Exception {
        HttpResponse<String> response = scrape(api().baseUrl(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void countsRestRequestsByRouteTemplateNotByPath() throws Exception {
        admin().get("/tasks/987654");

        String exposition = scrape(api().baseUrl(), null).body();

        assertThat(samples(exposition, "http_server_requests_seconds_count"))
                .anySatisfy(line -> assertThat(line).contains("uri=\"/tasks/{id}\"").contains("method=\"GET\""))
                .noneSatisfy(line -> assertThat(line).contains("987654"));
    }

    @Test
    void countsGrpcCallsByServiceAndMethod() throws Exception {
        HealthGrpc.newBlockingStub(RpcClient.onPort(grpcPort()).channel()).check(HealthCheckRequest.getDefaultInstance());

        String exposition = scrape(api().baseUrl(), null).body();

        assertThat(samples(exposition, "grpc_server_seconds_count")).anySatisfy(line -> assertThat(line)
                .contains("rpc_service=\"grpc.health.v1.Health\"", "rpc_method=\"Check\"", "grpc_status_code=\"OK\""));
    }

    @Test
    void exportsTheConnectionPoolAndTheScheduler() throws Exception {
        String exposition = scrape(api().baseUrl(), null).body();

        assertThat(samples(exposition, "hikaricp_connections_max")).singleElement()
                .satisfies(line -> assertThat(line).contains("pool=\"distributedjob\""));
        // this instance at least; other test servers may share the embedded database
        assertThat(samples(exposition, "distributedjob_instances")).singleElement().satisfies(line ->
                assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(1));
        assertThat(exposition).contains("# TYPE distributedjob_fire_lateness_seconds histogram",
                "# TYPE distributedjob_retries_total counter", "# TYPE distributedjob_lease_takeovers_total counter");
    }

    @Test
    void exposesNoActuatorEndpoint() {
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/env", "/actuator/heapdump"}) {
            assertThat(api().get(path).status()).as(path).isEqualTo(404);
        }
    }
}
