package io.distributedjob.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.distributedjob.config.TracingSettings;
import io.distributedjob.kernel.ApiException;
import io.distributedjob.kernel.PageQuery;
import io.distributedjob.kernel.PageResult;
import org.springframework.stereotype.Service;

/** Reads execution records: lists, single records and monthly statistics, within a department scope. */
@Service
public class RecordService {

    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 9999;

    private final RecordRepository repository;
    private final RecordTables tables;
    private final Clock clock;
    private final TracingSettings tracing;

    public RecordService(RecordRepository repository, RecordTables tables, Clock clock, TracingSettings tracing) {
        this.repository = repository;
        this.tables = tables;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** The month of {@code year}/{@code month}, or 400/4001 naming the bad one. */
    public static YearMonth month(Integer year, Integer month) {
        if (year == null) {
            throw ApiException.invalid("year: is required");
        }
        if (month == null) {
            throw ApiException.invalid("month: is required");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.invalid("year: must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        if (month < 1 || month > 12) {
            throw ApiException.invalid("month: must be between 1 and 12");
        }
        return YearMonth.of(year, month);
    }

    public PageResult<RecordView> list(YearMonth month, RecordFilter filter, PageQuery page) {
        if (filter.departments().isEmpty() || !tables.exists(month)) {
            return PageResult.of(List.of(), 0, page);
        }
        List<RecordView> list = repository.page(month, filter, page).stream()
                .map(this::view).toList();
        return PageResult.of(list, repository.count(month, filter), page);
    }

    /** One record, whatever its department: the caller checks the scope. */
    public StoredRecord find(YearMonth month, long id) {
        if (!tables.exists(month)) {
            throw ApiException.notFound("record " + id + " not found in " + month);
        }
        return repository.find(month, id)
                .orElseThrow(() -> ApiException.notFound("record " + id + " not found in " + month));
    }

    /** The zone months and days of records follow: the server's. */
    public ZoneId zone() {
        return clock.getZone();
    }

    public RecordView view(StoredRecord stored) {
        return RecordView.of(stored, clock.getZone(), tracing);
    }

    public RecordStats stats(YearMonth month, RecordFilter filter) {
        ZoneId zone = clock.getZone();
        List<Instant> dayStarts = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            dayStarts.add(month.atDay(day).atStartOfDay(zone).toInstant());
        }
        dayStarts.add(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Map<Integer, long[]> days = !filter.departments().isEmpty() && tables.exists(month) ? repository.daily(month, filter, dayStarts) : Map.of();
        long total = 0;
        long success = 0;
        long cost = 0;
        List<RecordStats.Day> daily = new ArrayList<>();
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            long[] counts = days.getOrDefault(day, new long[3]);
            daily.add(new RecordStats.Day(LocalDate.of(month.getYear(), month.getMonth(), day),
                    counts[0], counts[1], counts[0] - counts[1]));
        }
        for (long[] counts : days.values()) {
            total += counts[0];
            success += counts[1];
            cost += counts[2];
        }
        double rate = total == 0 ? 0 : round(100.0 * success / total);
        double average = total == 0 ? 0 : round((double) cost / total);
        return new RecordStats(total, success, total - success, rate, average, daily);
    }

    /** When each task last started, from this month's and last month's records. */
    public Map<Long, Instant> lastExecuteTimes(Collection<Long> taskIds) {
        YearMonth current = YearMonth.now(clock);
        Map<Long, Instant> last = new HashMap<>(repository.lastStartTimes(current, taskIds));
        List<Long> missing = taskIds.stream().filter(id -> !last.containsKey(id)).toList();
        last.putAll(repository.lastStartTimes(current.minusMonths(1), missing));
        return last;
    }

    /**
     * The running records of {@code departments}, oldest start first. A fire runs at most a day (the longest
     * timeout with its retries stays well under a month), so the current and the previous month hold them all.
     */
    public PageResult<RecordView> running(Set<Long> departments, PageQuery page) {
        YearMonth current = YearMonth.now(clock);
        List<YearMonth> months = departments.isEmpty() ? List.of()
                : List.of(current.minusMonths(1), current).stream().filter(tables::exists).toList();
        long wanted = page.offset() + page.size();
        List<StoredRecord> found = new ArrayList<>();
        long total = 0;
        for (YearMonth month : months) {
            found.addAll(repository.running(month, departments, wanted));
            total += repository.countRunning(month, departments);
        }
        List<RecordView> list = found.stream()
                .sorted(Comparator.comparing((StoredRecord r) -> r.record().startTime(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .skip(page.offset()).limit(page.size())
                .map(stored -> RecordView.of(stored, clock.getZone(), tracing)).toList();
        return PageResult.of(list, total, page);
    }

    /** The record of the fire {@code fireId} ({@link ExecutionRecord#fireId}), or 404 if none was written. */
    public StoredRecord fire(String fireId) {
        FireKey key = FireKey.parse(fireId);
        YearMonth month = YearMonth.from(key.scheduledTime().atZone(clock.getZone()));
        return (tables.exists(month) ? repository.fire(month, key.taskId(), key.scheduledTime())
                : Optional.<StoredRecord>empty())
                .orElseThrow(() -> ApiException.notFound("fire " + fireId + " has no record"));
    }

    /**
     * The scheduled instants of {@code taskId}'s finished records in [{@code from}, {@code to}): a running record
     * is a fire whose outcome is still to come.
     */
    public Set<Instant> recordedScheduledTimes(long taskId, Instant from, Instant to) {
        Set<Instant> times = new HashSet<>();
        for (YearMonth month : monthsSpanned(from, to)) {
            times.addAll(repository.scheduledTimes(month, taskId, from, to));
        }
        return times;
    }

    /**
     * Completes the running records {@code executor} left of {@code taskId}'s fires in [{@code from}, {@code to})
     * as of unknown outcome, with {@code error} saying so; returns how many.
     */
    public int recordUnknown(long taskId, String executor, Instant from, Instant to, String error) {
        int completed = 0;
        for (YearMonth month : monthsSpanned(from, to)) {
            completed += repository.recordUnknown(month, taskId, executor, from, to, error, clock.instant());
        }
        return completed;
    }

    private List<YearMonth> monthsSpanned(Instant from, Instant to) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(to.atZone(clock.getZone()));
        for (YearMonth month = YearMonth.from(from.atZone(clock.getZone())); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /**
     * Figures over the records matching {@code filter} scheduled within [{@code from}, {@code to}), across every
     * month table kept; an open end (null) reaches the oldest or newest record kept.
     */
    public RecordTotals totals(RecordFilter filter, Instant from, Instant to) {
        RecordTotals.Sums sums = RecordTotals.Sums.NONE;
        if (!filter.departments().isEmpty()) {
            for (YearMonth month : monthsWithin(from, to)) {
                sums = sums.plus(repository.sums(month, filter, from, to));
            }
        }
        return RecordTotals.of(sums);
    }

    /**
     * The records matching {@code filter} scheduled within [{@code from}, {@code to}) across every month table
     * kept, latest scheduled first, {@code limit} of them from {@code offset}.
     */
    public RecordSlice history(RecordFilter filter, Instant from, Instant to, int limit, long offset) {
        if (filter.departments().isEmpty()) {
            return new RecordSlice(List.of(), 0);
        }
        List<RecordView> found = new ArrayList<>();
        long total = 0;
        long skip = offset;
        for (YearMonth month : monthsWithin(from, to).reversed()) {
            long inMonth = repository.count(month, filter, from, to);
            total += inMonth;
            if (skip >= inMonth) {
                skip -= inMonth;
                continue;
            }
            int wanted = limit - found.size();
            if (wanted > 0) {
                repository.slice(month, filter, from, to, wanted, skip).stream()
                        .map(this::view)
                        .forEach(found::add);
            }
            skip = 0;
        }
        return new RecordSlice(found, total);
    }

    /** The months with a record table that may hold records scheduled within [from, to), oldest first. */
    private List<YearMonth> monthsWithin(Instant from, Instant to) {
        ZoneId zone = clock.getZone();
        YearMonth first = from == null ? null : YearMonth.from(from.atZone(zone));
        YearMonth last = to == null ? null : YearMonth.from(to.atZone(zone));
        return tables.months().stream()
                .filter(month -> (first == null || !month.isBefore(first)) && (last == null || !month.isAfter(last)))
                .toList();
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
