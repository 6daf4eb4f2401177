package io.distributedjob.dist;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the source tree the tests check, found through the build's {@code dj.repository} property. */
final class Repository {

    private Repository() {
    }

    static Path path(String relative) {
        String root = System.getProperty("dj.repository");
        if (root == null) {
            throw new IllegalStateException("system property dj.repository must name the source tree (run through Maven)");
        }
        Path path = Path.of(root).toAbsolutePath().normalize().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(relative + " is missing from the source tree");
        }
        return path;
    }

    static Path migrations() {
        return path("server/src/main/resources/db/migration/mysql");
    }
}
