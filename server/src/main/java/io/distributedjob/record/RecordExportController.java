package io.distributedjob.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.access.DepartmentScope;
import io.distributedjob.access.Permissions;
import io.distributedjob.access.RequirePermission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /records/export}: the records a list would find, as CSV written while it is read (a chunk of
 * {@value #CHUNK} records at a time), so an export of any size holds little memory.
 */
@RestController
class RecordExportController {

    static final int CHUNK = 1000;
    private static final List<Column> COLUMNS = List.of(
            new Column("id", RecordView::id),
            new Column("fireId", view -> view.record().fireId()),
            new Column("taskId", view -> view.record().taskId()),
            new Column("taskName", view -> view.record().taskName()),
            new Column("taskType", view -> view.record().taskType()),
            new Column("departmentId", view -> view.record().departmentId()),
            new Column("triggerType", view -> view.record().triggerType()),
            new Column("scheduledTime", RecordView::scheduledTime),
            new Column("startTime", RecordView::startTime),
            new Column("endTime", RecordView::endTime),
            new Column("latenessMillis", RecordView::latenessMillis),
            new Column("costTime", view -> view.record().costTime()),
            new Column("success", view -> view.record().success()),
            new Column("status", view -> view.record().status()),
            new Column("statusCode", view -> view.record().statusCode()),
            new Column("retryTimes", view -> view.record().retryTimes()),
            new Column("usedFallback", view -> view.record().usedFallback()),
            new Column("executor", view -> view.record().executor()),
            new Column("error", view -> view.record().error()));

    private final RecordService records;
    private final DepartmentScope scope;

    RecordExportController(RecordService records, DepartmentScope scope) {
        this.records = records;
        this.scope = scope;
    }

    @GetMapping("/records/export")
    @RequirePermission(Permissions.RECORD_VIEW)
    void export(CurrentUser user, RecordQueryParameters query, HttpServletResponse response) throws IOException {
        RecordRange range = query.ranged() ? query.range() : query.monthRange(records.zone());
        RecordFilter filter = query.filter(scope, user);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"records.csv\"");
        PrintWriter out = response.getWriter();
        out.print(line(COLUMNS.stream().map(Column::name)));
        long offset = 0;
        while (true) {
            List<RecordView> chunk = records.history(filter, range.from(), range.to(), CHUNK, offset).records();
            for (RecordView view : chunk) {
                out.print(line(COLUMNS.stream().map(column -> column.value().apply(view))));
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            offset += CHUNK;
            out.flush();
        }
        out.flush();
    }

    /** A CSV column: its header and how a record fills it. */
    private record Column(String name, Function<RecordView, Object> value) {
    }

    private static String line(Stream<?> values) {
        return values.map(RecordExportController::field).collect(Collectors.joining(",")) + "\r\n";
    }

    /** A CSV field; a text a spreadsheet would run as a formula is quoted with a leading apostrophe. */
    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
