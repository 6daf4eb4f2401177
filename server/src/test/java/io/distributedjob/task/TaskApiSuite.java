package io.distributedjob.task;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.support.TargetServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The task API over real HTTP: validation, listing, changes, scope and permissions, preview, run now. */
public interface TaskApiSuite extends ServerUnderTest {

    String DISABLED_TARGET = "http://127.0.0.1:9/unused";

    static ObjectNode httpTask(long departmentId, String url) {
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", OrgFixture.unique("task")).put("departmentId", departmentId).put("cron", "0 0 * * *")
                .put("url", url).put("httpMethod", "POST").put("status", 0);
        return task;
    }

    private ObjectNode rootTask(Consumer<ObjectNode> change) {
        ObjectNode task = httpTask(new OrgFixture(admin()).rootDepartment(), DISABLED_TARGET);
        change.accept(task);
        return task;
    }

    @Test
    default void createsAnHttpTaskWithDefaultsAndItsNextFire() {
        ApiResult created = admin().post("/tasks/http", rootTask(t -> t.put("cron", "0 0 12 * * *")
                .put("timezone", "Asia/Shanghai").put("status", 1).put("headers", "{\"X-Key\":\"v\"}")
                .put("retryCount", 2).put("retryInterval", 5)));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode task = created.data();
        assertThat(task.get("id").asLong()).isPositive();
        assertThat(task.get("taskType").asString()).isEqualTo("HTTP");
        assertThat(task.get("timeout").asInt()).isEqualTo(30);
        assertThat(task.get("retryCount").asInt()).isEqualTo(2);
        assertThat(task.get("misfirePolicy").asString()).isEqualTo("FIRE_ONCE");
        assertThat(task.get("concurrencyPolicy").asString()).isEqualTo("ALLOW");
        assertThat(task.get("crashPolicy").asString()).isEqualTo("RERUN");
        assertThat(task.get("headers").asString()).isEqualTo("{\"X-Key\":\"v\"}");
        OffsetDateTime next = OffsetDateTime.parse(task.get("nextExecuteTime").asString());
        assertThat(next.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).getHour()).isEqualTo(12);
        assertThat(task.get("lastExecuteTime").isNull()).isTrue();
        assertThat(admin().get("/tasks/" + task.get("id").asLong()).data().get("name").asString())
                .isEqualTo(task.get("name").asString());
    }

    @Test
    default void everyInvalidFieldIsRefusedByName() {
        List<Invalid> cases = List.of(
                new Invalid("name", t -> t.remove("name")),
                new Invalid("name", t -> t.put("name", "x".repeat(256))),
                new Invalid("departmentId", t -> t.remove("departmentId")),
                new Invalid("departmentId", t -> t.put("departmentId", "one")),
                new Invalid("cron", t -> t.put("cron", "61 * * * *")),
                new Invalid("cron", t -> t.put("cron", "* * *")),
                new Invalid("cron", t -> t.put("cron", "@every 100ms")),
                new Invalid("timezone", t -> t.put("timezone", "Mars/Base")),
                new Invalid("url", t -> t.put("url", "ftp://example.com/file")),
                new Invalid("url", t -> t.remove("url")),
                new Invalid("httpMethod", t -> t.put("httpMethod", "TRACE")),
                new Invalid("headers", t -> t.put("headers", "[1,2]")),
                new Invalid("headers", t -> t.put("headers", "{\"X-Count\": 3}")),
                new Invalid("headers", t -> t.put("headers", "{\"Host\": \"evil\"}")),
                new Invalid("headers", t -> t.put("headers", "not json")),
                new Invalid("fallbackUrl", t -> t.put("fallbackUrl", "javascript:alert(1)")),
                new Invalid("status", t -> t.put("status", 3)),
                new Invalid("status", t -> t.remove("status")),
                new Invalid("timeout", t -> t.put("timeout", 0)),
                new Invalid("retryCount", t -> t.put("retryCount", -1)),
                new Invalid("retryInterval", t -> t.put("retryInterval", 86401)),
                new Invalid("misfirePolicy", t -> t.put("misfirePolicy", "LATER")),
                new Invalid("concurrencyPolicy", t -> t.put("concurrencyPolicy", "MAYBE")),
                new Invalid("crashPolicy", t -> t.put("crashPolicy", "IGNORE")));
        for (Invalid invalid : cases) {
            ApiResult result = admin().post("/tasks/http", rootTask(invalid.change()));
            assertThat(result.status()).as(invalid.field() + ": " + result).isEqualTo(400);
            assertThat(result.code()).isEqualTo(4001);
            assertThat(result.message()).as(result.toString()).startsWith(invalid.field() + ":");
        }
        assertThat(admin().sendRaw("POST", "/tasks/http", "{\"name\":", "application/json").status()).isEqualTo(400);
    }

    @Test
    default void grpcTasksAreValidatedAndStored() {
        long root = new OrgFixture(admin()).rootDepartment();
        ObjectNode task = ApiClient.mapper().createObjectNode();
        task.put("name", OrgFixture.unique("grpc")).put("departmentId", root).put("cron", "@every 5m")
                .put("grpcService", "dns:///billing.internal:9090/acme.billing.Invoices")
                .put("grpcMethod", "Close").put("grpcParams", "{\"month\":\"2026-01\"}").put("status", 0);
        ApiResult created = admin().post("/tasks/grpc", task);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.data().get("taskType").asString()).isEqualTo("GRPC");
        assertThat(created.data().get("grpcParams").asString()).isEqualTo("{\"month\":\"2026-01\"}");

        for (String[] bad : new String[][] {{"grpcService", "no-service-part"}, {"grpcService", "host:1/not a service"},
                {"grpcMethod", "close-it"}, {"grpcParams", "[]"}}) {
            ObjectNode copy = task.deepCopy();
            copy.put(bad[0], bad[1]);
            ApiResult result = admin().post("/tasks/grpc", copy);
            assertThat(result.status()).as(result.toString()).isEqualTo(400);
            assertThat(result.message()).startsWith(bad[0] + ":");
        }
        ObjectNode halfFallback = task.deepCopy();
        halfFallback.put("fallbackGrpcService", "fallback:1/acme.Other");
        assertThat(admin().post("/tasks/grpc", halfFallback).message()).startsWith("fallbackGrpcMethod:");
        long id = created.data().get("id").asLong();
        assertThat(admin().put("/tasks/http/" + id, rootTask(t -> { })).message()).startsWith("taskType:");
    }

    @Test
    default void listsFilterAndPage() {
        String keyword = OrgFixture.unique("listed");
        for (int i = 0; i < 3; i++) {
            int index = i;
            assertThat(admin().post("/tasks/http", rootTask(t -> t.put("name", keyword + "-" + index)
                    .put("status", index == 0 ? 1 : 0))).status()).isEqualTo(200);
        }
        ApiResult page = admin().get("/tasks?keyword=" + keyword + "&size=2&page=1");
        assertThat(page.data().get("total").asLong()).isEqualTo(3);
        assertThat(page.data().get("list")).hasSize(2);
        assertThat(page.data().get("page").asInt()).isEqualTo(1);
        assertThat(admin().get("/tasks?keyword=" + keyword + "&status=1").data().get("total").asLong()).isEqualTo(1);
        assertThat(admin().get("/tasks?keyword=" + keyword + "&taskType=GRPC").data().get("total").asLong()).isZero();
        assertThat(admin().get("/tasks?taskType=SOAP").status()).isEqualTo(400);
        assertThat(admin().get("/tasks?size=101").status()).isEqualTo(400);
        assertThat(admin().get("/tasks?status=7").message()).startsWith("status:");
    }

    @Test
    default void updatesChangeStatusAndDelete() {
        long id = admin().post("/tasks/http", rootTask(t -> t.put("status", 1))).data().get("id").asLong();
        ApiResult updated = admin().put("/tasks/http/" + id, rootTask(t -> t.put("url", "https://example.com/hook")
                .put("cron", "*/10 * * * * *").put("status", 1)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.data().get("url").asString()).isEqualTo("https://example.com/hook");
        assertThat(updated.data().get("cron").asString()).isEqualTo("*/10 * * * * *");
        ApiResult unknownOnCrash = admin().put("/tasks/http/" + id, rootTask(t -> t.put("status", 1)
                .put("crashPolicy", "RECORD_UNKNOWN")));
        assertThat(unknownOnCrash.data().get("crashPolicy").asString()).isEqualTo("RECORD_UNKNOWN");
        assertThat(admin().get("/tasks/" + id).data().get("crashPolicy").asString()).isEqualTo("RECORD_UNKNOWN");

        ApiResult disabled = admin().patch("/tasks/" + id + "/status", json("status", 0));
        assertThat(disabled.data().get("status").asInt()).isZero();
        assertThat(disabled.data().get("nextExecuteTime").isNull()).isTrue();
        assertThat(admin().patch("/tasks/" + id + "/status", json("status", 9)).message()).startsWith("status:");

        assertThat(admin().delete("/tasks/" + id).status()).isEqualTo(200);
        assertThat(admin().get("/tasks/" + id).status()).isEqualTo(404);
        assertThat(admin().delete("/tasks/" + id).status()).isEqualTo(404);
    }

    @Test
    default void departmentScopeAndPermissionsApply() {
        OrgFixture org = new OrgFixture(admin());
        long root = org.rootDepartment();
        long mine = org.department("ops", root);
        long other = org.department("sales", root);
        long viewer = org.role("task-viewer", Permissions.TASK_VIEW);
        OrgFixture.Created user = org.user("viewer", mine, viewer);
        ApiClient client = api().login(user.username(), OrgFixture.PASSWORD);

        long foreign = admin().post("/tasks/http", httpTask(other, DISABLED_TARGET)).data().get("id").asLong();
        long own = admin().post("/tasks/http", httpTask(mine, DISABLED_TARGET)).data().get("id").asLong();

        assertThat(client.get("/tasks/" + own).status()).isEqualTo(200);
        assertThat(client.get("/tasks/" + foreign).status()).isEqualTo(403);
        assertThat(client.get("/tasks?departmentId=" + other).status()).isEqualTo(403);
        assertThat(client.get("/tasks?size=100").data().get("list").valueStream()
                .map(task -> task.get("departmentId").asLong())).containsOnly(mine);
        assertThat(client.post("/tasks/http", httpTask(mine, DISABLED_TARGET)).status()).isEqualTo(403);
        assertThat(client.delete("/tasks/" + own).status()).isEqualTo(403);
        assertThat(client.post("/tasks/" + own + "/run", null).status()).isEqualTo(403);
        assertThat(api().get("/tasks").status()).isEqualTo(401);
    }

    @Test
    default void aTaskForAnUnknownDepartmentIsInvalidForTheRootAndForeignForEveryoneElse() {
        OrgFixture org = new OrgFixture(admin());
        long unknown = 987654321;
        ApiResult asAdmin = admin().post("/tasks/http", httpTask(unknown, DISABLED_TARGET));
        assertThat(asAdmin.status()).as(asAdmin.raw()).isEqualTo(400);
        assertThat(asAdmin.code()).isEqualTo(4001);
        assertThat(asAdmin.message()).startsWith("departmentId:");

        long mine = org.department("mine", org.rootDepartment());
        long other = org.department("other", org.rootDepartment());
        long creator = org.role("creator", Permissions.TASK_VIEW, Permissions.TASK_CREATE, Permissions.TASK_UPDATE);
        ApiClient client = api().login(org.user("creator", mine, creator).username(), OrgFixture.PASSWORD);
        long own = client.post("/tasks/http", httpTask(mine, DISABLED_TARGET)).data().get("id").asLong();
        long foreignTask = admin().post("/tasks/http", httpTask(other, DISABLED_TARGET)).data().get("id").asLong();

        ApiResult toUnknown = client.post("/tasks/http", httpTask(unknown, DISABLED_TARGET));
        ApiResult toForeign = client.post("/tasks/http", httpTask(other, DISABLED_TARGET));
        ApiResult movedToUnknown = client.put("/tasks/http/" + own, httpTask(unknown, DISABLED_TARGET));
        ApiResult readForeign = client.get("/tasks/" + foreignTask);
        for (ApiResult refused : List.of(toUnknown, toForeign, movedToUnknown, readForeign)) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo(4003);
            assertThat(refused.message()).doesNotContain(String.valueOf(unknown)).doesNotContain(String.valueOf(other));
        }
        assertThat(toUnknown.message()).as("unknown and foreign look alike").isEqualTo(toForeign.message());
    }

    @Test
    default void secretHeaderValuesAreMaskedForThoseWhoCannotChangeTheTaskAndKeptWhenSentBackMasked() {
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("secrets", org.rootDepartment());
        String headers = "{\"Authorization\":\"Bearer s3cr3t\",\"X-Api-Key\":\"k-123\",\"cookie\":\"sid=1\","
                + "\"X-Auth-TOKEN\":\"t-9\",\"X-Trace\":\"visible\"}";
        long id = admin().post("/tasks/http", httpTask(department, DISABLED_TARGET).put("headers", headers))
                .data().get("id").asLong();
        ApiClient viewer = api().login(org.user("viewer", department, org.role("viewer", Permissions.TASK_VIEW)).username(),
                OrgFixture.PASSWORD);

        JsonNode shownOne = ApiClient.mapper().readTree(viewer.get("/tasks/" + id).data().get("headers").asString());
        JsonNode shownInList = ApiClient.mapper().readTree(viewer.get("/tasks?departmentId=" + department)
                .data().get("list").get(0).get("headers").asString());
        for (JsonNode shown : List.of(shownOne, shownInList)) {
            assertThat(shown.get("Authorization").asString()).isEqualTo("******");
            assertThat(shown.get("X-Api-Key").asString()).isEqualTo("******");
            assertThat(shown.get("cookie").asString()).isEqualTo("******");
            assertThat(shown.get("X-Auth-TOKEN").asString()).isEqualTo("******");
            assertThat(shown.get("X-Trace").asString()).isEqualTo("visible");
        }
        assertThat(admin().get("/tasks/" + id).data().get("headers").asString()).isEqualTo(headers);

        ApiResult sentBackMasked = admin().put("/tasks/http/" + id, httpTask(department, DISABLED_TARGET)
                .put("headers", "{\"Authorization\":\"******\",\"X-Trace\":\"changed\"}"));
        assertThat(sentBackMasked.status()).as(sentBackMasked.raw()).isEqualTo(200);
        JsonNode stored = ApiClient.mapper().readTree(admin().get("/tasks/" + id).data().get("headers").asString());
        assertThat(stored.get("Authorization").asString()).isEqualTo("Bearer s3cr3t");
        assertThat(stored.get("X-Trace").asString()).isEqualTo("changed");
        assertThat(stored.has("X-Api-Key")).as("a header left out is dropped").isFalse();

        ApiResult maskWithoutValue = admin().put("/tasks/http/" + id, httpTask(department, DISABLED_TARGET)
                .put("headers", "{\"X-Secret\":\"******\"}"));
        assertThat(maskWithoutValue.status()).isEqualTo(400);
        assertThat(maskWithoutValue.message()).startsWith("headers:").contains("X-Secret");
    }

    @Test
    default void cronPreviewListsTheNextFiresAndDescribesThem() {
        ApiResult preview = admin().post("/tasks/cron/preview",
                json("cron", "0 30 9 * * MON-FRI", "timezone", "Asia/Shanghai", "count", 3));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        List<OffsetDateTime> times = preview.data().get("nextFireTimes").valueStream()
                .map(node -> OffsetDateTime.parse(node.asString())).toList();
        assertThat(times).hasSize(3).allSatisfy(time -> {
            assertThat(time.getOffset().getId()).isEqualTo("+08:00");
            assertThat(time.getHour()).isEqualTo(9);
            assertThat(time.getMinute()).isEqualTo(30);
        });
        assertThat(preview.data().get("description").asString()).contains("09:30");
        assertThat(admin().post("/tasks/cron/preview", json("cron", "bad")).message()).startsWith("cron:");
        assertThat(admin().post("/tasks/cron/preview", json("cron", "@daily", "count", 0)).message()).startsWith("count:");
        assertThat(admin().post("/tasks/cron/preview", json("cron", "@daily", "timezone", "Nowhere/Land")).message())
                .startsWith("timezone:");
    }

    @Test
    default void runNowFiresOnceWhateverTheStatus() {
        try (TargetServer target = new TargetServer()) {
            long id = admin().post("/tasks/http", rootTask(t -> t.put("url", target.url("/now"))))
                    .data().get("id").asLong();
            ApiResult run = admin().post("/tasks/" + id + "/run", null);
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            String fireId = run.data().get("fireId").asString();
            assertThat(fireId).startsWith(id + ":");
            await().atMost(Duration.ofSeconds(10)).until(() -> target.calls("/now").size() == 1);
            assertThat(target.calls("/now").getFirst().header("X-DJ-Fire-Id")).isEqualTo(fireId);
            assertThat(admin().post("/tasks/999999999/run", null).status()).isEqualTo(404);
            JsonNode audited = admin().get("/audit-logs?size=100&action=RUN&targetType=TASK").data().get("list");
            assertThat(audited.valueStream().filter(entry -> entry.get("targetId").asLong() == id))
                    .as("the manual run is audited").singleElement()
                    .satisfies(entry -> assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS"));
            assertThat(audited.valueStream().filter(entry -> entry.get("outcome").asString().equals("FAILURE")
                    && entry.get("targetId").asLong() == 999999999)).as("so is a refused one").hasSize(1);
        }
    }

    record Invalid(String field, Consumer<ObjectNode> change) {
    }
}
