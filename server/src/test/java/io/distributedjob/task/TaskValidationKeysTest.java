package io.distributedjob.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.MessageKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every refusal of a task's fields names the field and carries a key the console translates. */
class TaskValidationKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final TaskValidator validator = new TaskValidator(new TargetHeaders(JSON), JSON, CLOCK);

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "cron        | not a cron           | validation.cron",
            "timezone    | Mars/Olympus         | validation.timezone",
            "url         | ftp://example.com/   | validation.httpUrl",
            "url         | http:///path         | validation.urlHost",
            "url         | http://exa mple.com/ | validation.url",
            "httpMethod  | TRACE                | validation.oneOf",
            "headers     | {\"Host\":\"x\"}     | validation.headerReserved",
            "headers     | {\"a b\":\"x\"}      | validation.headerName",
            "headers     | {\"X-A\":1}          | validation.headerValueText",
            "headers     | [1]                  | validation.jsonObject",
            "status      | 7                    | validation.range",
    })
    void anHttpTaskFieldIsRefusedWithItsKey(String field, String value, String key) {
        ObjectNode body = httpTask();
        body.set(field, value.matches("-?\\d+") ? JSON.readTree(value) : JSON.getNodeFactory().stringNode(value));

        MessageKey refusal = refusal(() -> validator.http(body));

        assertThat(refusal.messageKey()).isEqualTo(key);
        assertThat(refusal.params()).containsEntry("field", field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "grpcService         | not a target!      | validation.grpcService",
            "grpcMethod          | 9lives             | validation.grpcMethod",
            "fallbackGrpcService | backup.example.com:9090/helloworld.Greeter | validation.together",
            "grpcTls             | yes                | validation.boolean",
    })
    void aGrpcTaskFieldIsRefusedWithItsKey(String field, String value, String key) {
        ObjectNode body = grpcTask().put(field, value);

        MessageKey refusal = refusal(() -> validator.grpc(body));

        assertThat(refusal.messageKey()).isEqualTo(key);
        assertThat(refusal.params()).containsEntry("field", field.equals("fallbackGrpcService")
                ? "fallbackGrpcMethod" : field);
    }

    private static MessageKey refusal(Runnable validation) {
        ApiException refused = catchThrowableOfType(ApiException.class, validation::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.key()).as(refused.getMessage()).isNotNull();
        return refused.key();
    }

    private static ObjectNode httpTask() {
        return JSON.createObjectNode().put("name", "n").put("departmentId", 1).put("cron", "@daily").put("status", 0)
                .put("url", "http://example.com/").put("httpMethod", "GET");
    }

    private static ObjectNode grpcTask() {
        return JSON.createObjectNode().put("name", "n").put("departmentId", 1).put("cron", "@daily").put("status", 0)
                .put("grpcService", "example.com:9090/helloworld.Greeter").put("grpcMethod", "SayHello");
    }
}
