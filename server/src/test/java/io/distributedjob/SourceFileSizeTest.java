package io.distributedjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rule, beside the package rules, that no hand-written main source file is longer than 300 lines: the
 * server's and the gRPC API's Java and the console's Vue and TypeScript. A file past that does more than one
 * thing and is split by what it does, not cut where the count runs out. Generated code (under {@code target/})
 * and the console's tests are outside the rule.
 */
class SourceFileSizeTest {

    private static final int MAX_LINES = 300;

    /** Where the hand-written sources are, relative to the project root, and which files there count. */
    private record SourceSet(String directory, boolean required, List<String> extensions) {

        boolean counts(Path file) {
            String name = file.getFileName().toString();
            return extensions.stream().anyMatch(name::endsWith)
                    && !name.endsWith(".spec.ts")
                    && Stream.of(file.toString().split("[/\\\\]")).noneMatch("__tests__"::equals);
        }
    }

    private static final List<SourceSet> SOURCES = List.of(
            new SourceSet("server/src/main/java", true, List.of(".java")),
            // The gRPC API is generated from its .proto files; Java written by hand would sit here.
            new SourceSet("grpc-api/src/main/java", false, List.of(".java")),
            new SourceSet("web-ui/src", true, List.of(".vue", ".ts")));

    @Test
    void noMainSourceFileIsLongerThanTheLimit() throws IOException {
        Path root = projectRoot();
        Map<Path, Long> lineCounts = countLines(root);

        List<String> tooLong = lineCounts.entrySet().stream()
                .filter(entry -> entry.getValue() > MAX_LINES)
                .sorted(Map.Entry.<Path, Long>comparingByValue().reversed())
                .map(entry -> root.relativize(entry.getKey()) + " (" + entry.getValue() + " lines)")
                .toList();
        assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
    }

    @Test
    void everyRequiredSourceSetIsFoundAndCounted() throws IOException {
        Path root = projectRoot();
        Map<Path, Long> lineCounts = countLines(root);

        for (SourceSet sources : SOURCES) {
            if (!sources.required()) {
                continue;
            }
            Path directory = root.resolve(sources.directory());
            assertThat(lineCounts.keySet()).as("files counted under %s", sources.directory())
                    .anyMatch(file -> file.startsWith(directory));
        }
    }

    private static Map<Path, Long> countLines(Path root) throws IOException {
        Map<Path, Long> counts = new TreeMap<>();
        for (SourceSet sources : SOURCES) {
            Path directory = root.resolve(sources.directory());
            if (!Files.isDirectory(directory)) {
                assertThat(sources.required()).as("%s is missing", directory).isFalse();
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                counts.putAll(files.filter(Files::isRegularFile).filter(sources::counts)
                        .collect(Collectors.toMap(Function.identity(), SourceFileSizeTest::lineCount)));
            }
        }
        return counts;
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Maven runs the tests in the module's directory, an IDE often in the project's: the root is the nearest
     * directory, from there upwards, that holds the server's sources.
     */
    private static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        return Stream.iterate(start, path -> path != null, Path::getParent)
                .filter(path -> Files.isDirectory(path.resolve("server/src/main/java")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no project root above " + start));
    }
}
