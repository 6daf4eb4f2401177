package io.distributedjob.lifecycle;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ReceivedRequestValve} ahead of every valve Spring Boot adds (its own customizer runs later and
 * appends the forwarded-header valve after ours).
 */
@Configuration(proxyBeanMethods = false)
class ShutdownGuardConfiguration implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(new ReceivedRequestValve());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
