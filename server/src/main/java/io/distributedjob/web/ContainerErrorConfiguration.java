package io.distributedjob.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Keeps Tomcat from answering for the API: makes {@link JsonErrorReportValve} the host's only error report,
 * replacing Tomcat's HTML one and the one Spring Boot adds, so that no answer is an HTML error page; and turns
 * off the context root redirect, which answered a path normalised to the bare context ({@code /v1/roles/%2e%2e})
 * with a 302 before any filter could refuse it.
 */
@Component
class ContainerErrorConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            context.setMapperContextRootRedirectEnabled(false);
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizers, which add their error report valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
