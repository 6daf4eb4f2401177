package io.distributedjob.alert;

import static io.distributedjob.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.ApiResult;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.ServerUnderTest;
import io.distributedjob.task.TaskApiSuite;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The alert channel and alert rule API over real HTTP: masking, validation, scope, inheritance, test sends. */
interface AlertApiSuite extends ServerUnderTest {

    String ROBOT_SECRET = "SECdingtalk-secret-value-42";

    @Test
    default void channelSecretsAndRobotTokensAreNeverShownAndSurviveAnUpdateThatSendsTheMasksBack() throws Exception {
        try (Receiver robot = new Receiver()) {
            robot.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            long root = new OrgFixture(admin()).rootDepartment();
            ApiResult created = admin().post("/alert-channels", json("name", OrgFixture.unique("ding"),
                    "departmentId", root, "type", "dingtalk",
                    "url", robot.url("/robot/send?access_token=token-abc-123"), "secret", ROBOT_SECRET));
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            long id = created.data().get("id").asLong();

            for (ApiResult shown : List.of(created, admin().get("/alert-channels/" + id), admin().get("/alert-channels?size=100"))) {
                assertThat(shown.raw()).doesNotContain(ROBOT_SECRET).doesNotContain("token-abc-123");
            }
            JsonNode view = admin().get("/alert-channels/" + id).data();
            assertThat(view.get("type").asString()).isEqualTo("DINGTALK");
            assertThat(view.get("secretSet").asBoolean()).isTrue();
            assertThat(view.get("secret").asString()).isEqualTo("******");
            assertThat(view.get("url").asString()).endsWith("/robot/send?access_token=******");

            ApiResult renamed = admin().put("/alert-channels/" + id, json("name", "renamed-" + id, "departmentId", root,
                    "type", "DINGTALK", "url", view.get("url").asString(), "secret", "******"));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(renamed.data().get("name").asString()).isEqualTo("renamed-" + id);

            ApiResult test = admin().post("/alert-channels/" + id + "/test", null);

            assertThat(test.status()).as(test.toString()).isEqualTo(200);
            assertThat(test.data().get("delivered").asBoolean()).as(test.toString()).isTrue();
            Receiver.Request sent = robot.requests("/robot/send").getFirst();
            assertThat(sent.query()).contains("access_token=token-abc-123");
            String timestamp = sent.query().replaceAll(".*timestamp=(\\d+).*", "$1");
            String sign = java.net.URLDecoder.decode(sent.query().replaceAll(".*sign=([^&]+).*", "$1"),
                    StandardCharsets.UTF_8);
            assertThat(sign).isEqualTo(dingTalkSign(timestamp));
            assertThat(sent.body()).contains("test alert");
        }
    }

    @Test
    default void aTestAlertReportsWhyTheChannelRefusedIt() {
        try (Receiver hook = new Receiver()) {
            hook.answer(500, "down");
            long id = webhook(admin(), new OrgFixture(admin()).rootDepartment(), hook.url("/down"));

            ApiResult test = admin().post("/alert-channels/" + id + "/test", null);

            assertThat(test.status()).isEqualTo(200);
            assertThat(test.data().get("delivered").asBoolean()).isFalse();
            assertThat(test.data().get("error").asString()).contains("HTTP 500");
            assertThat(hook.requests("/down")).hasSize(1);
        }
    }

    @Test
    default void invalidChannelsAreRefusedNamingTheField() {
        long root = new OrgFixture(admin()).rootDepartment();
        Map<String, JsonNode> invalid = Map.of(
                "name", json("departmentId", root, "type", "WEBHOOK", "url", "http://127.0.0.1:1/x"),
                "type", json("name", "x", "departmentId", root, "type", "PAGER", "url", "http://127.0.0.1:1/x"),
                "url", json("name", "x", "departmentId", root, "type", "WEBHOOK", "url", "ftp://127.0.0.1/x"),
                "secret", json("name", "x", "departmentId", root, "type", "WECOM", "url", "http://127.0.0.1:1/x",
                        "secret", "s"),
                "recipients", json("name", "x", "departmentId", root, "type", "EMAIL"),
                "recipients[1]", json("name", "x", "departmentId", root, "type", "EMAIL",
                        "recipients", List.of("ops@example.com", "not an address")),
                "departmentId", json("name", "x", "departmentId", 987654321, "type", "SLACK",
                        "url", "http://127.0.0.1:1/x"));
        invalid.forEach((field, body) -> {
            ApiResult result = admin().post("/alert-channels", body);
            assertThat(result.status()).as(field + ": " + result).isEqualTo(400);
            assertThat(result.code()).isEqualTo(4001);
            assertThat(result.message()).as(result.toString()).startsWith(field + ":");
        });
    }

    @Test
    default void tasksInheritTheRulesOfTheNearestDepartmentThatHasSomeUntilTheyHaveTheirOwn() {
        OrgFixture org = new OrgFixture(admin());
        long parent = org.department("alerting-parent", org.rootDepartment());
        long child = org.department("alerting-child", parent);
        long channel = webhook(admin(), parent, "http://127.0.0.1:9/hook");
        long task = admin().post("/tasks/http", TaskApiSuite.httpTask(child, "http://127.0.0.1:9/target"))
                .data().get("id").asLong();

        ApiResult none = admin().get("/tasks/" + task + "/alert-rules");
        assertThat(none.data().get("inherit").asBoolean()).isTrue();
        assertThat(none.data().get("rules")).isEmpty();

        ApiResult saved = admin().put("/departments/" + parent + "/alert-rules", json("rules", List.of(
                json("kind", "failure", "channelIds", List.of(channel)),
                json("kind", "CONSECUTIVE_FAILURES", "threshold", 4, "throttleSeconds", 600,
                        "channelIds", List.of(channel)))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.data().get("inherit").asBoolean()).isFalse();

        JsonNode inherited = admin().get("/tasks/" + task + "/alert-rules").data();
        assertThat(inherited.get("inherit").asBoolean()).isTrue();
        assertThat(inherited.get("inheritedFrom").get("type").asString()).isEqualTo("DEPARTMENT");
        assertThat(inherited.get("inheritedFrom").get("id").asLong()).isEqualTo(parent);
        assertThat(inherited.get("rules")).extracting(rule -> rule.get("kind").asString() + "/"
                        + rule.get("threshold").asInt() + "/" + rule.get("throttleSeconds").asInt())
                .containsExactly("FAILURE/0/300", "CONSECUTIVE_FAILURES/4/600");
        assertThat(admin().get("/departments/" + child + "/alert-rules").data().get("inheritedFrom").get("id")
                .asLong()).isEqualTo(parent);

        ApiResult silenced = admin().put("/tasks/" + task + "/alert-rules", json("inherit", false, "rules", List.of()));
        assertThat(silenced.data().get("inherit").asBoolean()).isFalse();
        assertThat(silenced.data().get("rules")).isEmpty();

        ApiResult back = admin().put("/tasks/" + task + "/alert-rules", json("inherit", true));
        assertThat(back.data().get("inherit").asBoolean()).isTrue();
        assertThat(back.data().get("rules")).hasSize(2);

        ApiResult inUse = admin().delete("/alert-channels/" + channel);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.code()).isEqualTo(4009);
    }

    @Test
    default void invalidRulesAreRefusedNamingTheField() {
        long root = new OrgFixture(admin()).rootDepartment();
        long channel = webhook(admin(), root, "http://127.0.0.1:9/hook");
        Map<String, JsonNode> invalid = Map.of(
                "rules", json("inherit", false),
                "rules[0].kind", json("rules", List.of(json("kind", "SOMETIMES", "channelIds", List.of(channel)))),
                "rules[0].threshold", json("rules", List.of(json("kind", "CONSECUTIVE_FAILURES", "threshold", 1,
                        "channelIds", List.of(channel)))),
                "rules[1].threshold", json("rules", List.of(json("kind", "FAILURE", "channelIds", List.of(channel)),
                        json("kind", "MISSED_FIRE", "threshold", 3, "channelIds", List.of(channel)))),
                "rules[0].throttleSeconds", json("rules", List.of(json("kind", "FAILURE", "throttleSeconds", 0,
                        "channelIds", List.of(channel)))),
                "rules[0].channelIds", json("rules", List.of(json("kind", "FAILURE", "channelIds", List.of()))),
                "rules[0].channelIds[0]", json("rules", List.of(json("kind", "FAILURE", "channelIds", List.of("x")))));
        invalid.forEach((field, body) -> {
            ApiResult result = admin().put("/departments/" + root + "/alert-rules", body);
            assertThat(result.status()).as(field + ": " + result).isEqualTo(400);
            assertThat(result.message()).as(result.toString()).startsWith(field + ":");
        });
        ApiResult unknown = admin().put("/departments/" + root + "/alert-rules",
                json("rules", List.of(json("kind", "FAILURE", "channelIds", List.of(987654321)))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).startsWith("rules[0].channelIds:");
        assertThat(admin().get("/departments/" + root + "/alert-rules").data().get("inherit").asBoolean()).isTrue();
    }

    @Test
    default void channelsAndRulesStayWithinTheCallersDepartmentsAndPermissions() {
        OrgFixture org = new OrgFixture(admin());
        long team = org.department("alert-team", org.rootDepartment());
        long rootChannel = webhook(admin(), org.rootDepartment(), "http://127.0.0.1:9/root");
        OrgFixture.Created editor = org.user("alert-editor", team,
                org.role("alert-editor", Permissions.TASK_VIEW, Permissions.TASK_UPDATE, Permissions.TASK_CREATE));
        OrgFixture.Created viewer = org.user("alert-viewer", team, org.role("alert-viewer", Permissions.TASK_VIEW));
        ApiClient editing = api().login(editor.username(), OrgFixture.PASSWORD);
        ApiClient viewing = api().login(viewer.username(), OrgFixture.PASSWORD);
        long teamChannel = webhook(editing, team, "http://127.0.0.1:9/team");

        assertThat(editing.get("/alert-channels/" + rootChannel).status()).isEqualTo(403);
        assertThat(editing.get("/alert-channels?size=100").data().get("list"))
                .extracting(channel -> channel.get("id").asLong()).contains(teamChannel).doesNotContain(rootChannel);
        assertThat(editing.post("/alert-channels", json("name", "grab", "departmentId", org.rootDepartment(),
                "type", "SLACK", "url", "http://127.0.0.1:9/x")).status()).isEqualTo(403);
        assertThat(editing.put("/departments/" + team + "/alert-rules", json("rules", List.of(
                json("kind", "FAILURE", "channelIds", List.of(rootChannel))))).status()).isEqualTo(403);
        assertThat(editing.put("/departments/" + org.rootDepartment() + "/alert-rules", json("rules", List.of()))
                .status()).isEqualTo(403);
        assertThat(editing.put("/departments/" + team + "/alert-rules", json("rules", List.of(
                json("kind", "FAILURE", "channelIds", List.of(teamChannel))))).status()).isEqualTo(200);

        assertThat(viewing.get("/departments/" + team + "/alert-rules").data().get("rules")).hasSize(1);
        assertThat(viewing.get("/alert-channels/" + teamChannel).status()).isEqualTo(200);
        assertThat(viewing.post("/alert-channels", json("name", "nope", "departmentId", team, "type", "SLACK",
                "url", "http://127.0.0.1:9/x")).status()).isEqualTo(403);
        assertThat(viewing.post("/alert-channels/" + teamChannel + "/test", null).status()).isEqualTo(403);
        assertThat(viewing.put("/departments/" + team + "/alert-rules", json("inherit", true)).status()).isEqualTo(403);
    }

    @Test
    default void changesToChannelsAndRulesAreAudited() {
        long root = new OrgFixture(admin()).rootDepartment();
        long channel = webhook(admin(), root, "http://127.0.0.1:9/audited");
        admin().put("/departments/" + root + "/alert-rules", json("inherit", true));

        List<String> entries = admin().get("/audit-logs?size=100&actor=admin").data().get("list").valueStream()
                .map(entry -> entry.get("action").asString() + " " + entry.get("targetType").asString() + " "
                        + entry.get("targetId").asString())
                .toList();

        assertThat(entries).contains("CREATE ALERT_CHANNEL " + channel, "UPDATE DEPARTMENT_ALERT_RULES " + root);
    }

    private static long webhook(ApiClient client, long department, String url) {
        ApiResult created = client.post("/alert-channels", json("name", OrgFixture.unique("hook"),
                "departmentId", department, "type", "WEBHOOK", "url", url));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.data().get("id").asLong();
    }

    private static String dingTalkSign(String timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ROBOT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + ROBOT_SECRET).getBytes(StandardCharsets.UTF_8)));
    }
}
