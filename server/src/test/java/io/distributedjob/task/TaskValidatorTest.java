package io.distributedjob.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.ErrorCode;
import io.distributedjob.kernel.FieldError;
import io.distributedjob.kernel.TaskType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The checks on a task's create and update body, without a server: what is accepted and what each refusal says. */
class TaskValidatorTest {

    private static final ZoneId SERVER_ZONE = ZoneId.of("Asia/Shanghai");

    private final JsonMapper json = JsonMapper.builder().build();
    private final TaskValidator validator = new TaskValidator(new TargetHeaders(json), json,
            Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), SERVER_ZONE));

    @Test
    void aMinimalHttpTaskTakesTheDefaults() {
        TaskDefinition task = validator.http(http());

        assertThat(task.taskType()).isEqualTo(TaskType.HTTP);
        assertThat(task.httpMethod()).isEqualTo("GET");
        assertThat(task.timezone()).as("the server's zone").isEqualTo(SERVER_ZONE.getId());
        assertThat(task.timeout()).isEqualTo(TaskValidator.DEFAULT_TIMEOUT);
        assertThat(task.retryCount()).isZero();
        assertThat(task.misfirePolicy()).isEqualTo(MisfirePolicy.FIRE_ONCE);
        assertThat(task.concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.ALLOW);
    }

    @Test
    void methodsAndPoliciesAreReadWhateverTheirCaseAndTheCronIsTrimmed() {
        TaskDefinition task = validator.http(http(body -> body.put("httpMethod", "post").put("cron", " @every 30s ")
                .put("misfirePolicy", "skip").put("concurrencyPolicy", "forbid").put("timezone", "UTC")));

        assertThat(task.httpMethod()).isEqualTo("POST");
        assertThat(task.cron()).isEqualTo("@every 30s");
        assertThat(task.misfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
        assertThat(task.concurrencyPolicy()).isEqualTo(ConcurrencyPolicy.FORBID);
        assertThat(task.timezone()).isEqualTo("UTC");
    }

    @Test
    void headersAreTakenAsAJsonStringOrAsAnObject() {
        assertThat(validator.http(http(body -> body.put("headers", "{\"X-Token\":\"a\"}"))).headers())
                .isEqualTo("{\"X-Token\":\"a\"}");
        assertThat(validator.http(http(body -> body.putObject("headers").put("X-Token", "a"))).headers())
                .isEqualTo("{\"X-Token\":\"a\"}");
    }

    @Test
    void eachRefusalNamesItsField() {
        assertRefused(body -> body.remove("name"), "name: is required");
        assertRefused(body -> body.put("name", "n".repeat(TaskLimits.NAME_MAX + 1)),
                "name: must be at most " + TaskLimits.NAME_MAX + " characters");
        assertRefused(body -> body.put("departmentId", 0), "departmentId: must be a positive whole number");
        assertRefused(body -> body.put("cron", "61 * * * *"), "cron: ");
        assertRefused(body -> body.put("timezone", "Mars/Olympus"), "timezone: ");
        assertRefused(body -> body.put("status", 3), "status: must be between 0 and 2");
        assertRefused(body -> body.put("timeout", 0), "timeout: must be between 1 and " + TaskLimits.TIMEOUT_MAX);
        assertRefused(body -> body.put("retryCount", "3"), "retryCount: must be a whole number");
        assertRefused(body -> body.put("misfirePolicy", "LATER"), "misfirePolicy: must be one of FIRE_ONCE, SKIP");
    }

    @Test
    void anHttpTargetMustBeAnHttpUrlWithAHostAndAKnownMethod() {
        assertRefused(body -> body.put("url", "ftp://example.com/"), "url: must be an http:// or https:// URL");
        assertRefused(body -> body.put("url", "http:///path"), "url: must name a host");
        assertRefused(body -> body.put("fallbackUrl", "not a url"), "fallbackUrl: ");
        assertRefused(body -> body.put("httpMethod", "TRACE"),
                "httpMethod: must be one of GET, POST, PUT, PATCH, DELETE");
    }

    @Test
    void everyFieldProblemIsReportedAtOnceTheFirstAsTheMessage() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> validator.http(http(body -> body
                .put("name", " ").put("cron", "61 * * * *").put("url", "ftp://example.com/").put("timeout", 0))));

        assertThat(refused.fieldErrors()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("name", "required"), tuple("cron", "cron"), tuple("timeout", "range"),
                        tuple("url", "httpUrl"));
        assertThat(refused.getMessage()).isEqualTo("name: is required");
        assertThat(refused.key().messageKey()).isEqualTo("validation.required");
        assertThat(refused.fieldErrors().get(2).params())
                .containsEntry("field", "timeout").containsEntry("min", 1).containsEntry("max", TaskLimits.TIMEOUT_MAX);
        assertThat(refused.fieldErrors().get(3).message()).isEqualTo("url: must be an http:// or https:// URL");
    }

    @Test
    void aFallbackHalfRefusedForItsOwnSakeIsNotAlsoRefusedForItsMissingPartner() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> validator.grpc(grpc(body -> body.put("fallbackGrpcService", "not a target!"))));

        assertThat(refused.fieldErrors()).extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("fallbackGrpcService", "grpcService"));
    }

    @Test
    void headersTheClientSetsItselfOrThatCouldSplitTheRequestAreRefused() {
        assertRefused(body -> body.put("headers", "{\"Host\":\"evil\"}"),
                "headers: 'Host' is set by the HTTP client and cannot be configured");
        assertRefused(body -> body.put("headers", "{\"X-A\":\"1\\r\\nX-B: 2\"}"),
                "headers: the value of 'X-A' must not contain line breaks");
        assertRefused(body -> body.put("headers", "{\"X A\":\"1\"}"), "headers: 'X A' is not a valid header name");
        assertRefused(body -> body.put("headers", "{\"X-A\":1}"), "headers: the value of 'X-A' must be a string");
        assertRefused(body -> body.put("headers", "[1]"), "headers: must be a JSON object");
    }

    @Test
    void aGrpcTaskNeedsAServiceAndMethodAndBothFallbackPartsOrNeither() {
        TaskDefinition task = validator.grpc(grpc(body -> body.putObject("grpcParams").put("name", "world")));

        assertThat(task.taskType()).isEqualTo(TaskType.GRPC);
        assertThat(task.grpcService()).isEqualTo("127.0.0.1:50051/helloworld.Greeter");
        assertThat(task.grpcMethod()).isEqualTo("SayHello");
        assertThat(task.grpcParams()).isEqualTo("{\"name\":\"world\"}");
        assertThat(task.url()).isNull();

        assertGrpcRefused(body -> body.put("grpcMethod", "Say Hello"), "grpcMethod: must be a method name");
        assertGrpcRefused(body -> body.remove("grpcService"), "grpcService: is required");
        assertGrpcRefused(body -> body.put("fallbackGrpcService", "127.0.0.1:50052/helloworld.Greeter"),
                "fallbackGrpcMethod: fallbackGrpcService and fallbackGrpcMethod go together");
        assertGrpcRefused(body -> body.put("grpcTls", "yes"), "grpcTls: must be true or false");
    }

    @Test
    void theStatusChangeTakesOnlyAKnownStatus() {
        assertThat(validator.status(json.createObjectNode().put("status", TaskStatus.TEMPORARY.code()))).isEqualTo(TaskStatus.TEMPORARY);
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> validator.status(json.createObjectNode().put("status", -1)));
        assertThat(refused.getMessage()).isEqualTo("status: must be between 0 and 2");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> validator.http(json.createArrayNode()));

        assertThat(refused.error()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(refused.getMessage()).isEqualTo("body: must be a JSON object");
    }

    private void assertRefused(Consumer<ObjectNode> change, String message) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> validator.http(http(change)));
        assertThat(refused).as(message).isNotNull();
        assertThat(refused.error()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(refused.getMessage()).startsWith(message);
    }

    private void assertGrpcRefused(Consumer<ObjectNode> change, String message) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> validator.grpc(grpc(change)));
        assertThat(refused).as(message).isNotNull();
        assertThat(refused.getMessage()).startsWith(message);
    }

    private ObjectNode http() {
        return http(body -> { });
    }

    private ObjectNode http(Consumer<ObjectNode> change) {
        ObjectNode body = common().put("url", "http://127.0.0.1:8080/hook").put("httpMethod", "GET");
        change.accept(body);
        return body;
    }

    private ObjectNode grpc(Consumer<ObjectNode> change) {
        ObjectNode body = common().put("grpcService", "127.0.0.1:50051/helloworld.Greeter").put("grpcMethod", "SayHello");
        change.accept(body);
        return body;
    }

    private ObjectNode common() {
        return json.createObjectNode().put("name", "nightly report").put("departmentId", 1).put("cron", "0 2 * * *")
                .put("status", TaskStatus.ENABLED.code());
    }
}
