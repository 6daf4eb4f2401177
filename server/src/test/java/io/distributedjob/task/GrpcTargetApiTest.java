package io.distributedjob.task;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.CatalogServer;
import io.distributedjob.support.GreeterServer;
import io.distributedjob.support.H2ServerTest;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerProcess;
import io.grpc.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The task form's gRPC method picker and test call, against a real gRPC target with server reflection. */
class GrpcTargetApiTest extends H2ServerTest {

    private static final String METHODS = "/tasks/grpc/methods";
    private static final String TEST_CALL = "/tasks/grpc/test-call";

    private final CatalogServer catalog = CatalogServer.start();

    @AfterEach
    void stopTarget() throws InterruptedException {
        catalog.close();
    }

    @Test
    void listsTheTargetsServicesAndMethodsWithoutItsReflectionService() {
        ApiResult listed = admin().post(METHODS, json("grpcService", catalog.target()));

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(names(listed.data(), "service")).containsExactly(CatalogServer.SERVICE, "djtest.greeter.Greeter");
        JsonNode methods = listed.data().get(0).get("methods");
        assertThat(names(methods, "name")).containsExactly("Find", "Watch");
        JsonNode find = methods.get(0);
        assertThat(find.get("inputType").asString()).isEqualTo("djtest.catalog.FindRequest");
        assertThat(find.get("outputType").asString()).isEqualTo("djtest.catalog.FindReply");
        assertThat(find.get("callable").asBoolean()).isTrue();
        JsonNode watch = methods.get(1);
        assertThat(watch.get("serverStreaming").asBoolean()).isTrue();
        assertThat(watch.get("callable").asBoolean()).isFalse();
    }

    @Test
    void eachMethodComesWithAJsonTemplateOfItsRequest() {
        ApiResult listed = admin().post(METHODS, json("grpcService", catalog.target() + "/" + CatalogServer.SERVICE));

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode template = ApiClient.mapper().readTree(
                listed.data().get(0).get("methods").get(0).get("requestTemplate").asString());
        assertThat(template.get("title").asString()).isEmpty();
        assertThat(template.get("shelf").asString()).isEqualTo("SHELF_FRONT");
        assertThat(template.get("authors")).hasSize(1);
        assertThat(template.get("authors").get(0).get("name").asString()).isEmpty();
        assertThat(template.get("counts").get("key").asInt()).isZero();
        assertThat(template.get("category").get("parent").get("name").asString()).isEmpty();
    }

    @Test
    void aTestCallAnswersTheStatusDurationAndResponseAndIsAudited() {
        ApiClient admin = admin();
        ApiResult called = admin.post(TEST_CALL, json("grpcService", catalog.target() + "/" + CatalogServer.SERVICE,
                "grpcMethod", "Find", "grpcParams", "{\"title\": \"dune\", \"shelf\": \"SHELF_BACK\"}", "timeout", 5));

        assertThat(called.status()).as(called.toString()).isEqualTo(200);
        JsonNode answer = called.data();
        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("statusCode").asInt()).isZero();
        assertThat(answer.get("status").asString()).isEqualTo("OK");
        assertThat(answer.get("durationMs").asLong()).isBetween(0L, 5_000L);
        assertThat(ApiClient.mapper().readTree(answer.get("response").asString()).get("titles").get(0).asString())
                .isEqualTo("dune");
        assertThat(catalog.requests()).singleElement().satisfies(request -> assertThat(request.getTitle()).isEqualTo("dune"));
        JsonNode audited = admin.get("/audit-logs?action=TEST_CALL&size=100").data().get("list");
        assertThat(audited).anySatisfy(entry -> assertThat(entry.get("detail").asString())
                .isEqualTo(catalog.target() + "/" + CatalogServer.SERVICE + "/Find: OK in " + answer.get("durationMs").asLong() + " ms"));
    }

    @Test
    void aTestCallSendsTheFormsMetadataAfterCheckingItAsATasks() {
        try (GreeterServer greeter = GreeterServer.start()) {
            String service = greeter.target() + "/" + GreeterServer.SERVICE;
            ApiResult refused = admin().post(TEST_CALL, json("grpcService", service, "grpcMethod", "SayHello",
                    "headers", "{\"x-dj-fire-id\": \"forged\"}"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.message()).isEqualTo(
                    "headers: 'x-dj-fire-id' is set by gRPC or the scheduler and cannot be configured");
            assertThat(greeter.calls()).isZero();

            ApiResult called = admin().post(TEST_CALL, json("grpcService", service, "grpcMethod", "SayHello",
                    "grpcParams", "{\"name\": \"probe\"}", "headers", "{\"authorization\": \"Bearer t-1\", \"x-tenant\": \"acme\"}"));

            assertThat(called.status()).as(called.toString()).isEqualTo(200);
            assertThat(called.data().get("success").asBoolean()).isTrue();
            assertThat(greeter.metadata()).singleElement().satisfies(metadata -> {
                assertThat(metadata.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("Bearer t-1");
                assertThat(metadata.get(Metadata.Key.of("x-tenant", Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("acme");
            });
        }
    }

    @Test
    void aTestCallThatTheTargetFailsAnswersItsStatus() {
        ApiResult called = admin().post(TEST_CALL, json("grpcService", catalog.target() + "/djtest.greeter.Greeter",
                "grpcMethod", "SayHello"));

        assertThat(called.status()).as(called.toString()).isEqualTo(200);
        assertThat(called.data().get("success").asBoolean()).isFalse();
        assertThat(called.data().get("status").asString()).isEqualTo("UNIMPLEMENTED");
        assertThat(called.data().get("error").asString()).startsWith("UNIMPLEMENTED");
    }

    @Test
    void anAddressThePolicyRefusesIsA400NamingWhy() {
        for (String path : List.of(METHODS, TEST_CALL)) {
            ApiResult refused = admin().post(path, json("grpcService", "169.254.169.254:50051/" + CatalogServer.SERVICE,
                    "grpcMethod", "Find"));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo(4001);
            assertThat(refused.message()).isEqualTo("grpcService: target policy refused 169.254.169.254");
        }
    }

    @Test
    void anUnreachableTargetIsA400WithinTheTimeout() {
        String target = "127.0.0.1:" + ServerProcess.freePort();
        ApiResult unreachable = admin().post(METHODS, json("grpcService", target, "timeout", 1));

        assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(400);
        assertThat(unreachable.code()).isEqualTo(4001);
        assertThat(unreachable.message()).isEqualTo("grpcService: cannot list the methods of " + target + ": no answer within 1 s");
    }

    @Test
    void aMalformedTargetIsA400NamingTheField() {
        ApiResult malformed = admin().post(METHODS, json("grpcService", "no-port"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.message()).startsWith("grpcService: ");
    }

    @Test
    void onlyUsersWhoMayCreateOrEditTasksInTheDepartmentUseIt() {
        OrgFixture org = new OrgFixture(admin());
        long own = org.department("picker-own", org.rootDepartment());
        long other = org.department("picker-other", org.rootDepartment());
        ApiClient viewer = api().login(org.user("viewer", own, org.role("viewer", "task:view")).username(), OrgFixture.PASSWORD);
        ApiClient editor = api().login(org.user("editor", own, org.role("editor", "task:update")).username(), OrgFixture.PASSWORD);

        assertThat(viewer.post(METHODS, json("grpcService", catalog.target())).status()).isEqualTo(403);
        assertThat(editor.post(METHODS, json("grpcService", catalog.target(), "departmentId", own)).status()).isEqualTo(200);
        ApiResult elsewhere = editor.post(TEST_CALL, json("grpcService", catalog.target() + "/" + CatalogServer.SERVICE,
                "grpcMethod", "Find", "departmentId", other));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(catalog.requests()).isEmpty();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.get(field).asString()));
        return names;
    }
}
