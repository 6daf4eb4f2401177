package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml (no Docker engine here, so its structure is what is checked): MySQL made from init.sql,
 * Redis for revocation, a server service that scales, NGINX, Prometheus and Grafana from the project's files.
 */
class ComposeFileTest {

    static final String SERVER_SERVICE = "distributed-job";

    private final Map<String, Object> compose = ServerKeys.load(Repository.path("docker-compose.yml"));

    @Test
    void definesTheClusterServices() {
        assertThat(services()).containsKeys("mysql", "redis", SERVER_SERVICE, "nginx", "prometheus", "grafana");
        assertThat(image("mysql")).startsWith("mysql:8");
        assertThat(image("redis")).startsWith("redis:");
        assertThat(service(SERVER_SERVICE).get("build")).isEqualTo(".");
    }

    @Test
    void serverScalesBehindNginx() {
        Map<String, Object> server = service(SERVER_SERVICE);
        assertThat(server).as("a fixed host port or name would stop --scale").doesNotContainKeys("ports", "container_name");
        assertThat(service("nginx").get("ports")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("9088:80", "9090:9090");
        assertThat(mounts("nginx")).contains("./deploy/compose/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat(StopTimeout.parse((String) server.get("stop_grace_period"))).isGreaterThan(StopTimeout.ofServer());
    }

    @Test
    void everyServerVariableSetsAnExistingKey() {
        assertThat(environment(SERVER_SERVICE).keySet()).isNotEmpty().allSatisfy(name -> assertThat(
                ServerKeys.LAUNCHER_VARIABLES.contains(name) || ServerKeys.ofEnvironmentVariable(name).isPresent())
                .as(name + " is a configuration key (one of " + ServerKeys.all() + ")").isTrue());
    }

    @Test
    void instancesShareOneDatabaseOneSecretAndRedisRevocation() {
        Map<String, Object> env = environment(SERVER_SERVICE);
        Map<String, Object> mysql = environment("mysql");

        assertThat(env.get("DATABASE_URL")).isEqualTo("mysql:3306");
        assertThat(env.get("DATABASE_SCHEMA")).isEqualTo(mysql.get("MYSQL_DATABASE"));
        assertThat(env.get("DATABASE_USERNAME")).isEqualTo(mysql.get("MYSQL_USER"));
        assertThat(env.get("DATABASE_PASSWORD")).isEqualTo(mysql.get("MYSQL_PASSWORD"));
        assertThat((String) env.get("AUTH_JWTSECRET")).as("required from the operator, never a published value")
                .matches("\\$\\{DJ_JWT_SECRET:\\?.+}");
        assertThat(env.get("AUTH_REVOKER")).isEqualTo("redis");
        assertThat(services()).containsKey((String) env.get("AUTH_REDIS_HOST"));
        assertThat(service(SERVER_SERVICE).get("depends_on")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("mysql", Map.of("condition", "service_healthy"))
                .containsEntry("redis", Map.of("condition", "service_healthy"));
    }

    @Test
    void mysqlIsInitialisedFromInitSql() {
        assertThat(mounts("mysql")).contains("./scripts/init-db:/docker-entrypoint-initdb.d:ro");
        assertThat(Repository.path("scripts/init-db/init.sql")).isRegularFile();
    }

    @Test
    void monitoringIsProvisionedFromTheProjectsFiles() {
        assertThat(mounts("prometheus")).contains("./configs/prometheus:/etc/prometheus:ro");
        assertThat(mounts("grafana")).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");

        Map<String, Object> prometheus = ServerKeys.load(Repository.path("configs/prometheus/prometheus.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).getFirst();
        assertThat(job.get("metrics_path")).isEqualTo("/v1/metrics");
        assertThat(job.toString()).contains("names=[" + SERVER_SERVICE + "]", "port=9088");

        Map<String, Object> grafana = ServerKeys.load(Repository.path("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(grafana.get("datasources").toString()).contains("url=http://prometheus:9090", "type=prometheus");
    }

    @Test
    void everyMountedFileIsInTheRepository() {
        services().keySet().forEach(name -> mounts(name).stream().filter(mount -> mount.startsWith("./"))
                .forEach(mount -> Repository.path(mount.substring(2, mount.indexOf(':')))));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private Map<String, Object> service(String name) {
        assertThat(services()).containsKey(name);
        return services().get(name);
    }

    private String image(String name) {
        return (String) service(name).get("image");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).getOrDefault("environment", Map.of());
    }

    @SuppressWarnings("unchecked")
    private List<String> mounts(String name) {
        return (List<String>) service(name).getOrDefault("volumes", List.of());
    }
}
