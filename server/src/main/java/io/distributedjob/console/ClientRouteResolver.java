package io.distributedjob.console;

import java.io.IOException;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The console's router uses browser history, so a reload of {@code /v1/web/tasks/7/edit} must load the
 * console: a path that names no file and has no file extension is a client route and gets index.html. A
 * missing file with an extension stays a 404.
 */
class ClientRouteResolver extends PathResourceResolver {

    static final String INDEX = "index.html";

    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
        Resource file = super.getResource(resourcePath, location);
        if (file != null) {
            return file;
        }
        return isClientRoute(resourcePath) ? super.getResource(INDEX, location) : null;
    }

    static boolean isClientRoute(String resourcePath) {
        String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
        return !lastSegment.contains(".");
    }
}
