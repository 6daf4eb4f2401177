package io.distributedjob.support;

import java.util.HashMap;
import java.util.Map;

import io.distributedjob.DistributedJobApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole server started in this JVM with settings of the test's choosing, for tests that need several instances
 * at once or one instance after another. Random ports, logs under target/, the known admin password.
 */
public final class ServerInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServerInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ServerInstance start(Map<String, Object> settings) {
        return new ServerInstance(run(settings));
    }

    /**
     * Runs the application with the settings as command-line arguments (which, unlike default properties, win
     * over the built-in application.yaml), for tests that expect it to fail as well.
     */
    public static ConfigurableApplicationContext run(Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("rpc.port", 0);
        properties.put("log.path", "target/test-logs");
        properties.put("auth.adminUsername", TestSettings.ADMIN_USERNAME);
        properties.put("auth.adminPassword", TestSettings.ADMIN_PASSWORD);
        properties.putAll(settings);
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(DistributedJobApplication.class).run(arguments);
    }

    public ApiClient api() {
        return ApiClient.onPort(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
