package io.distributedjob.record;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The attempts of a record as the JSON text of its {@code attempts} column; no attempts is SQL NULL. */
final class AttemptsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ExecutionAttempt>> LIST = new TypeReference<>() {
    };

    private AttemptsJson() {
    }

    static String write(List<ExecutionAttempt> attempts) {
        return attempts == null || attempts.isEmpty() ? null : JSON.writeValueAsString(attempts);
    }

    static List<ExecutionAttempt> read(String text) {
        return text == null || text.isBlank() ? List.of() : JSON.readValue(text, LIST);
    }
}
