package io.distributedjob.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Dockerfile (no Docker engine here to build it): Temurin 21 JRE, not root, health check, volumes, small context. */
class DockerfileTest {

    private final List<String> instructions = instructions();

    @Test
    void runsTheLauncherAsANonRootUserOnATemurin21Jre() {
        assertThat(instruction("FROM")).containsExactly("eclipse-temurin:21-jre");
        assertThat(instruction("USER")).singleElement().satisfies(user -> assertThat(user.split(":")[0]).isNotIn("root", "0"));
        assertThat(instruction("ENTRYPOINT")).containsExactly("[\"/app/bin/distributedjob\"]");
        assertThat(instruction("WORKDIR")).containsExactly("/app");
        assertThat(instruction("EXPOSE")).containsExactly("9088 9090");
    }

    @Test
    void checksHealthAndKeepsConfigsDataAndLogInVolumes() {
        assertThat(instruction("HEALTHCHECK")).singleElement().asString().contains("/health", "' 200 '", "SERVER_PORT:-9088");
        assertThat(instruction("VOLUME")).containsExactly("[\"/app/configs\", \"/app/data\", \"/app/log\"]");
    }

    @Test
    void copiesOnlyWhatTheBuildContextLetsThrough() throws Exception {
        List<String> allowed = Files.readAllLines(Repository.path(".dockerignore")).stream()
                .filter(line -> line.startsWith("!")).map(line -> line.substring(1)).toList();
        assertThat(instruction("COPY")).isNotEmpty()
                .allSatisfy(copy -> assertThat(allowed).contains(copy.split(" ")[0]));
        assertThat(Files.readAllLines(Repository.path(".dockerignore"))).contains("*");
    }

    private List<String> instruction(String name) {
        return instructions.stream().filter(line -> line.startsWith(name + " "))
                .map(line -> line.substring(name.length() + 1).strip()).toList();
    }

    /** The Dockerfile's instructions, continuation lines joined, comments left out. */
    private static List<String> instructions() {
        try {
            List<String> instructions = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(Repository.path("Dockerfile"))) {
                if (line.strip().startsWith("#") || line.isBlank()) {
                    continue;
                }
                current.append(line.strip());
                if (line.endsWith("\\")) {
                    current.setLength(current.length() - 1);
                } else {
                    instructions.add(current.toString());
                    current.setLength(0);
                }
            }
            return instructions;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
