package io.distributedjob.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.cron.Schedules;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Imports tasks given in the form of the create body: every row is validated like a create (one pass), names are
 * checked against the table in one query per chunk, and the rows that pass are inserted in JDBC batches in one
 * transaction. Rows that do not pass are reported and skipped.
 */
@Service
public class TaskImportService {

    /** Most rows one import takes (the request body limit usually binds first). */
    public static final int ROWS_MAX = 50_000;

    private final TaskValidator validator;
    private final TaskFleetRepository fleet;
    private final DepartmentScope scope;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TaskImportService(TaskValidator validator, TaskFleetRepository fleet, DepartmentScope scope,
                      TransactionTemplate transactions, Clock clock) {
        this.validator = validator;
        this.fleet = fleet;
        this.scope = scope;
        this.transactions = transactions;
        this.clock = clock;
    }

    public ImportReport importRows(CurrentUser user, JsonNode rows, boolean dryRun) {
        if (rows == null || !rows.isArray()) {
            throw ApiException.invalid("body: must be a JSON array of tasks");
        }
        if (rows.size() > ROWS_MAX) {
            throw ApiException.invalid("body: must hold at most " + ROWS_MAX + " tasks");
        }
        return importRows(user, rows.valueStream().map(row -> new Row(row, null)).toList(), dryRun);
    }

    /** Imports rows already turned into create bodies; a row without a body was refused by its reader. */
    ImportReport importRows(CurrentUser user, List<Row> rows, boolean dryRun) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Set<Long> visible = scope.visibleDepartments(user);
        List<RowReport> reports = new ArrayList<>();
        List<TaskFleetRepository.Planned> planned = new ArrayList<>();
        List<Integer> plannedIndex = new ArrayList<>();
        Map<String, Instant> firstFires = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String name = row.body() != null && row.body().get("name") != null && row.body().get("name").isString()
                    ? row.body().get("name").asString() : null;
            try {
                if (row.body() == null) {
                    throw ApiException.invalid(row.refusal());
                }
                TaskDefinition definition = definition(row.body());
                if (!visible.contains(definition.departmentId())) {
                    reports.add(new RowReport(i, name, Outcome.FORBIDDEN,
                            "departmentId: department " + definition.departmentId() + " lies outside your scope"));
                    continue;
                }
                // an import repeats a few schedules many times: each is worked out once
                Instant next = definition.status() == TaskStatus.DISABLED ? null : firstFires.computeIfAbsent(
                        definition.timezone() + " " + definition.cron(), schedule -> firstFire(definition, now));
                planned.add(new TaskFleetRepository.Planned(definition, next));
                plannedIndex.add(i);
                reports.add(new RowReport(i, definition.name(), dryRun ? Outcome.VALID : Outcome.CREATED, null));
            } catch (ApiException e) {
                reports.add(new RowReport(i, name, Outcome.INVALID, e.getMessage()));
            }
        }
        rejectTakenNames(planned, plannedIndex, reports);
        List<TaskFleetRepository.Planned> accepted = new ArrayList<>();
        for (int p = 0; p < planned.size(); p++) {
            if (reports.get(plannedIndex.get(p)).outcome() != Outcome.CONFLICT) {
                accepted.add(planned.get(p));
            }
        }
        if (!dryRun && !accepted.isEmpty()) {
            transactions.executeWithoutResult(tx -> fleet.insertAll(accepted, user.id(), now));
        }
        return new ImportReport(dryRun, rows.size(), accepted.size(), rows.size() - accepted.size(), reports);
    }

    private TaskDefinition definition(JsonNode body) {
        JsonNode type = body.isObject() ? body.get("taskType") : null;
        boolean grpc = type != null && type.isString() ? "GRPC".equalsIgnoreCase(type.asString().strip())
                : body.isObject() && body.hasNonNull("grpcService");
        if (type != null && !type.isNull() && !(type.isString()
                && ("HTTP".equalsIgnoreCase(type.asString().strip()) || grpc))) {
            throw ApiException.invalid("taskType: must be HTTP or GRPC");
        }
        return grpc ? validator.grpc(body) : validator.http(body);
    }

    private static Instant firstFire(TaskDefinition d, Instant now) {
        Instant next = Schedules.parse(d.cron(), ZoneId.of(d.timezone()), now).next(now);
        if (next == null) {
            throw ApiException.invalid("cron: never fires");
        }
        return next;
    }

    /** Names must be new: not on any task yet, and once only in the import. */
    private void rejectTakenNames(List<TaskFleetRepository.Planned> planned, List<Integer> plannedIndex,
                                  List<RowReport> reports) {
        Set<String> taken = fleet.namesTaken(planned.stream().map(p -> p.definition().name()).toList());
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < planned.size(); p++) {
            String name = planned.get(p).definition().name();
            int index = plannedIndex.get(p);
            if (taken.contains(name)) {
                reports.set(index, new RowReport(index, name, Outcome.CONFLICT, "name: a task named " + name
                        + " exists"));
            } else if (!seen.add(name)) {
                reports.set(index, new RowReport(index, name, Outcome.CONFLICT, "name: " + name
                        + " appears more than once in the import"));
            }
        }
    }

    /** One row to import: a create body, or null with the reason its reader could not make one. */
    record Row(JsonNode body, String refusal) {
    }

    /** What became of one row; {@code index} counts from 0 in the order given. */
    public record RowReport(int index, String name, Outcome outcome, String message) {
    }

    /** The whole import: how many rows were (or in a dry run would be) created, how many not, and why. */
    public record ImportReport(boolean dryRun, int total, int accepted, int rejected, List<RowReport> rows) {
    }

    public enum Outcome { CREATED, VALID, INVALID, FORBIDDEN, CONFLICT }
}
