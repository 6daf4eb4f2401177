package io.distributedjob.rpc;

import static io.distributedjob.rpc.RpcClient.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import auth.Auth;
import data.Data;
import io.distributedjob.access.Permissions;
import io.distributedjob.support.ApiClient;
import io.distributedjob.support.OrgFixture;
import io.distributedjob.support.TargetServer;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import rpc.proto.Mcp;
import scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

/**
 * The gRPC DataService: task history and statistics, and the user and department lists.
 */
interface RpcDataSuite extends RpcFixture {

    @Test
    default void executedTasksShowInStatusHistoryStatisticsAndModelContext() {
        RpcClient admin = rpcAdmin();
        OrgFixture org = new OrgFixture(admin());
        long department = org.department("executions", org.rootDepartment());
        TargetServer target = new TargetServer();
        target.reply("/fail", 500, "broken", 0);
        long ok;
        long failing;
        try (target) {
            ok = admin.scheduler().scheduleTask(httpTask("runs-ok").setDepartmentId(department)
                    .setParams(params("{\"url\": \"" + target.url("/ok") + "\"}")).build()).getTaskId();
            failing = admin.scheduler().scheduleTask(httpTask("runs-failing").setDepartmentId(department)
                    .setParams(params("{\"url\": \"" + target.url("/fail") + "\"}")).build()).getTaskId();
            admin.scheduler().pauseTask(task(ok));
            admin.scheduler().pauseTask(task(failing));
            for (int run = 1; run <= 3; run++) {
                Scheduler.TaskResponse fired = admin.scheduler().executeTaskImmediately(task(ok));
                assertThat(fired.getMessage()).startsWith("fire " + ok + ":");
                int expected = run;
                await().atMost(Duration.ofSeconds(20)).until(() -> history(admin, ok).getTotal() == expected);
            }
            admin.scheduler().executeTaskImmediately(task(failing));
            await().atMost(Duration.ofSeconds(20)).until(() -> history(admin, failing).getTotal() == 1);
        }
        assertThat(auditEntries("RUN")).as("every run through the API is audited")
                .filteredOn(entry -> entry.get("targetId").asLong() == ok).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS"));

        Data.TaskHistoryResponse all = history(admin, ok);
        assertThat(all.getSuccess()).isTrue();
        assertThat(all.getRecordsList()).hasSize(3).allSatisfy(record -> {
            assertThat(record.getTaskId()).isEqualTo(ok);
            assertThat(record.getSuccess()).isTrue();
            assertThat(record.getStatusCode()).isEqualTo(200);
            assertThat(record.getResponse()).isEqualTo("ok");
            assertThat(record.getExecuteTime()).matches(ISO_WITH_OFFSET);
            assertThat(record.getCostTime()).isNotNegative();
        });
        List<String> times = all.getRecordsList().stream().map(Data.TaskHistoryRecord::getExecuteTime).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));
        Data.TaskHistoryResponse page = admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder()
                .setTaskId(ok).setLimit(2).setOffset(2).build());
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(page.getRecordsList()).extracting(Data.TaskHistoryRecord::getId)
                .containsExactly(all.getRecords(2).getId());
        YearMonth now = YearMonth.now(ZoneId.systemDefault());
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setYear(now.getYear()).setMonth(now.getMonthValue()).build()).getTotal()).isEqualTo(3);
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setYear(now.getYear() - 1).setMonth(now.getMonthValue()).build()).getTotal()).isZero();
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setEndTime(OffsetDateTime.now().minusHours(1).toString()).build()).getTotal()).isZero();
        assertThat(admin.data().getTaskHistory(Data.TaskHistoryRequest.newBuilder().setTaskId(ok)
                .setStartTime(OffsetDateTime.now().minusHours(1).toString()).build()).getTotal()).isEqualTo(3);

        Scheduler.TaskStatusResponse status = admin.scheduler().getTaskStatus(task(ok));
        assertThat(status.getSuccessCount()).isEqualTo(3);
        assertThat(status.getFailCount()).isZero();
        assertThat(status.getAvgExecutionTime()).isNotNegative();
        assertThat(status.getLastExecuteTime()).matches(ISO_WITH_OFFSET);
        Scheduler.TaskStatusResponse failed = admin.scheduler().getTaskStatus(task(failing));
        assertThat(failed.getSuccessCount()).isZero();
        assertThat(failed.getFailCount()).isEqualTo(1);
        assertThat(history(admin, failing).getRecords(0).getStatusCode()).isEqualTo(500);

        Data.TaskStatisticsResponse stats = admin.data().getTaskStatistics(
                Data.TaskStatisticsRequest.newBuilder().setDepartmentId(department).build());
        assertThat(stats.getSuccess()).isTrue();
        assertThat(stats.getTaskCount()).isEqualTo(2);
        assertThat(stats.getSuccessRate()).isEqualTo(75.0f);
        Map<String, Float> figures = stats.getExecutionStatsMap();
        assertThat(figures).containsEntry("total_executions", 4f).containsEntry("success_count", 3f)
                .containsEntry("fail_count", 1f).containsEntry("task_count", 2f).containsEntry("http_tasks", 2f)
                .containsEntry("grpc_tasks", 0f).containsEntry("disabled_tasks", 2f).containsEntry("enabled_tasks", 0f)
                .containsKeys("avg_execution_time", "max_execution_time", "retry_times", "fallback_count");
        assertThat(figures.get("max_execution_time")).isGreaterThanOrEqualTo(stats.getAvgExecutionTime());
        Data.TaskStatisticsResponse future = admin.data().getTaskStatistics(Data.TaskStatisticsRequest.newBuilder()
                .setDepartmentId(department).setStartTime(OffsetDateTime.now().plusDays(1).toString()).build());
        assertThat(future.getExecutionStatsMap()).containsEntry("total_executions", 0f);
        assertThat(future.getTaskCount()).isEqualTo(2);

        JsonNode context = ApiClient.mapper().readTree(admin.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("task:" + ok).build()).getContext());
        assertThat(context.get("modelId").asString()).isEqualTo("task:" + ok);
        assertThat(context.get("type").asString()).isEqualTo("task");
        assertThat(context.get("task").get("id").asLong()).isEqualTo(ok);
        assertThat(context.get("task").get("url").asString()).endsWith("/ok");
        assertThat(context.get("schedule").get("scheduled").asBoolean()).isFalse();
        assertThat(context.get("schedule").get("nextFireTimes")).isEmpty();
        assertThat(context.get("statistics").get("total").asLong()).isEqualTo(3);
        assertThat(context.get("statistics").get("successRate").asDouble()).isEqualTo(100.0);
        assertThat(context.get("lastExecutions")).hasSize(3);
        assertThat(context.get("lastExecutions").get(0).get("triggerType").asString()).isEqualTo("API");

        JsonNode departmentContext = ApiClient.mapper().readTree(admin.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("department:" + department).build()).getContext());
        assertThat(departmentContext.get("department").get("id").asLong()).isEqualTo(department);
        assertThat(departmentContext.get("tasks").get("total").asLong()).isEqualTo(2);
        assertThat(departmentContext.get("users").get("total").asLong()).isZero();
        assertThat(departmentContext.get("statistics").get("total").asLong()).isEqualTo(4);
        assertThat(departmentContext.get("statistics").get("fail").asLong()).isEqualTo(1);
    }

    @Test
    default void userAndDepartmentListsKeepToTheCallersScope() {
        OrgFixture org = new OrgFixture(admin());
        long branch = org.department("branch", org.rootDepartment());
        long team = org.department("team", branch);
        long managerRole = org.role("manager", Permissions.USER_MANAGE, Permissions.TASK_VIEW);
        OrgFixture.Created manager = org.user("manager", branch, managerRole);
        OrgFixture.Created member = org.user("member", team, org.role("member", Permissions.TASK_VIEW));
        RpcClient session = rpc().login(manager.username(), OrgFixture.PASSWORD);

        Data.UserListResponse users = session.data().getUserList(Data.UserListRequest.getDefaultInstance());
        assertThat(users.getSuccess()).isTrue();
        assertThat(users.getTotal()).isEqualTo(2);
        assertThat(users.getUsersList()).extracting(Data.UserInfo::getUsername)
                .containsExactlyInAnyOrder(manager.username(), member.username());
        Data.UserInfo shown = users.getUsersList().stream()
                .filter(u -> u.getUsername().equals(member.username())).findFirst().orElseThrow();
        assertThat(shown.getId()).isEqualTo(member.id());
        assertThat(shown.getDepartmentId()).isEqualTo(team);
        assertThat(shown.getDepartmentName()).startsWith("team-");
        assertThat(shown.getStatus()).isEqualTo(1);
        assertThat(shown.getCreateTime()).matches(ISO_WITH_OFFSET);
        assertThat(session.data().getUserList(Data.UserListRequest.newBuilder().setDepartmentId(team).build())
                .getUsersList()).extracting(Data.UserInfo::getId).containsExactly(member.id());
        Data.UserListResponse paged = session.data().getUserList(Data.UserListRequest.newBuilder().setPage(2).setSize(1).build());
        assertThat(paged.getUsersCount()).isEqualTo(1);
        assertThat(paged.getTotal()).isEqualTo(2);

        Data.DepartmentListResponse departments = session.data().getDepartmentList(Data.DepartmentListRequest.getDefaultInstance());
        assertThat(departments.getTotal()).isEqualTo(2);
        assertThat(departments.getDepartmentsList()).extracting(Data.Department::getId).containsExactly(branch, team);
        assertThat(departments.getDepartments(0).getCreateTime()).matches(ISO_WITH_OFFSET);
        assertThat(session.data().getDepartmentList(Data.DepartmentListRequest.newBuilder().setPage(2).setSize(1).build())
                .getDepartmentsList()).extracting(Data.Department::getId).containsExactly(team);
        RpcClient memberSession = rpc().login(member.username(), OrgFixture.PASSWORD);
        assertThat(memberSession.data().getDepartmentList(Data.DepartmentListRequest.getDefaultInstance())
                .getDepartmentsList()).extracting(Data.Department::getId).containsExactly(team);
        Data.DepartmentListResponse everything = rpcAdmin().data().getDepartmentList(
                Data.DepartmentListRequest.newBuilder().setSize(100).build());
        assertThat(everything.getDepartmentsList()).extracting(Data.Department::getId).contains(branch, team);

        Status outside = failure(() -> session.data().getUserList(
                Data.UserListRequest.newBuilder().setDepartmentId(org.rootDepartment()).build()));
        assertThat(outside.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        Status notManager = failure(() -> memberSession.data().getUserList(Data.UserListRequest.getDefaultInstance()));
        assertThat(notManager.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(notManager.getDescription()).isEqualTo("this needs the permission user:manage");
        assertThat(failure(() -> session.data().getUserList(Data.UserListRequest.newBuilder().setSize(101).build()))
                .getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

        JsonNode ownContext = ApiClient.mapper().readTree(memberSession.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("user:" + member.id()).build()).getContext());
        assertThat(ownContext.get("user").get("username").asString()).isEqualTo(member.username());
        assertThat(ownContext.get("user").has("passwordHash")).isFalse();
        assertThat(ownContext.get("permissions")).extracting(JsonNode::asString).containsExactly(Permissions.TASK_VIEW);
        JsonNode managed = ApiClient.mapper().readTree(session.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("user:" + member.id()).build()).getContext());
        assertThat(managed.get("user").get("departmentId").asLong()).isEqualTo(team);
        assertThat(failure(() -> memberSession.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("user:" + manager.id()).build())).getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        JsonNode teamContext = ApiClient.mapper().readTree(session.modelContext().getModelContext(
                Mcp.ModelContextRequest.newBuilder().setModelId("department:" + team).build()).getContext());
        assertThat(teamContext.get("users").get("total").asLong()).isEqualTo(1);
        assertThat(teamContext.has("statistics")).as("the manager lacks record:view").isFalse();

        Auth.UserPermissionsResponse memberPermissions = session.auth().getUserPermissions(
                Auth.UserPermissionsRequest.newBuilder().setUserId(member.id()).build());
        assertThat(memberPermissions.getPermissionsList()).containsExactly(Permissions.TASK_VIEW);
        assertThat(failure(() -> memberSession.auth().getUserPermissions(
                Auth.UserPermissionsRequest.newBuilder().setUserId(manager.id()).build())).getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
