package io.distributedjob.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.distributedjob.access.CurrentUser;
import io.distributedjob.kernel.ApiException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports XXL-JOB jobs: {@code xxl_job_info} rows exported as CSV (a header line of column names) or as a JSON
 * array of objects (column names or their camelCase forms as keys), mapped by {@link XxlJobRows} and imported
 * like any other tasks.
 */
@Service
class XxlJobImporter {

    private final TaskImportService imports;
    private final JsonMapper json;

    XxlJobImporter(TaskImportService imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    TaskImportService.ImportReport importJobs(CurrentUser user, String body, boolean csv, String groups,
                                              boolean dryRun) {
        XxlJobRows mapper = new XxlJobRows(XxlJobRows.groupMapping(groups), json);
        List<Map<String, String>> rows = csv ? CsvTable.parse(body == null ? "" : body) : jsonRows(body);
        if (rows.size() > TaskImportService.ROWS_MAX) {
            throw ApiException.invalid("body: must hold at most " + TaskImportService.ROWS_MAX + " jobs");
        }
        return imports.importRows(user, rows.stream().map(mapper::map).toList(), dryRun);
    }

    private List<Map<String, String>> jsonRows(String body) {
        JsonNode array;
        try {
            array = body == null ? null : json.readTree(body);
        } catch (RuntimeException e) {
            throw ApiException.invalid("body: is neither a JSON array nor CSV (send CSV as text/csv)");
        }
        if (array == null || !array.isArray()) {
            throw ApiException.invalid("body: must be a JSON array of xxl_job_info rows");
        }
        return array.valueStream().map(XxlJobImporter::columns).toList();
    }

    private static Map<String, String> columns(JsonNode object) {
        Map<String, String> row = new LinkedHashMap<>();
        if (object.isObject()) {
            object.properties().forEach(column -> row.put(
                    column.getKey().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT),
                    column.getValue().isNull() ? null
                            : column.getValue().isValueNode() ? column.getValue().asString()
                            : column.getValue().toString()));
        }
        return row;
    }
}
