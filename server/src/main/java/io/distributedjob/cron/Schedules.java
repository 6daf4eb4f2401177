package io.distributedjob.cron;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * Parses the schedules a task may have: Unix cron with 5 fields (minute first), 6 fields (second first), the
 * macros {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}, and {@code @every <duration>}
 * such as {@code @every 30s} or {@code @every 1h30m} (at least one second). Fields accept names
 * ({@code MON-FRI}, {@code JAN}), ranges, steps, lists, {@code ?}, {@code L}, {@code W} and {@code #};
 * day-of-week counts from 0 (Sunday), 7 being Sunday too.
 */
public final class Schedules {

    public static final Duration MIN_EVERY = Duration.ofSeconds(1);
    public static final Duration MAX_EVERY = Duration.ofDays(366);
    public static final int MAX_LENGTH = 255;

    private static final String EVERY = "@every";
    private static final Pattern DURATION_PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Pattern DURATION = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h|d))+");
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final int CACHE_LIMIT = 50_000;

    private static final CronParser FIVE_FIELDS = new CronParser(definition(false));
    private static final CronParser SIX_FIELDS = new CronParser(definition(true));
    private static final Map<String, List<ExecutionTime>> PARSED = new ConcurrentHashMap<>();
    private static final Map<String, Duration> PERIODS = new ConcurrentHashMap<>();

    private Schedules() {
    }

    /**
     * The schedule of {@code expression} in {@code zone}; {@code anchor} is where an {@code @every} grid starts.
     *
     * @throws InvalidScheduleException with a message fit for the caller when the expression is not valid
     */
    public static Schedule parse(String expression, ZoneId zone, Instant anchor) {
        String text = normalize(expression);
        if (text.startsWith(EVERY)) {
            Duration period = PERIODS.get(text);
            if (period == null) {
                period = parseEvery(text);
                if (PERIODS.size() >= CACHE_LIMIT) {
                    PERIODS.clear();
                }
                PERIODS.put(text, period);
            }
            return new EverySchedule(period, anchor);
        }
        return new CronSchedule(executionTimes(text), zone);
    }

    /** Checks {@code expression} alone, in the server's time zone, and that it fires at least once more. */
    public static void validate(String expression, ZoneId zone, Instant now) {
        if (parse(expression, zone, now).next(now) == null) {
            throw new InvalidScheduleException("never fires");
        }
    }

    /** Parses an IANA time-zone id such as {@code Asia/Shanghai}. */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidScheduleException("must be an IANA time zone such as Asia/Shanghai");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new InvalidScheduleException("unknown time zone '" + id.strip() + "' (use an IANA id such as Asia/Shanghai)");
        }
    }

    /** A sentence in English describing when the expression fires. */
    public static String describe(String expression) {
        String text = normalize(expression);
        if (text.startsWith(EVERY)) {
            return "every " + describeDuration(parseEvery(text));
        }
        String cron = MACROS.getOrDefault(text, text);
        Cron parsed = parser(cron).parse(cron);
        return CronDescriptor.instance(Locale.ENGLISH).describe(parsed);
    }

    private static String normalize(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException("must not be empty");
        }
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidScheduleException("must be at most " + MAX_LENGTH + " characters");
        }
        String text = expression.strip().replaceAll("\\s+", " ");
        return text.startsWith("@") ? text.toLowerCase(Locale.ROOT) : text.toUpperCase(Locale.ROOT);
    }

    private static List<ExecutionTime> executionTimes(String text) {
        String cron = MACROS.get(text);
        if (cron == null) {
            if (text.startsWith("@")) {
                throw new InvalidScheduleException("unknown macro '" + text
                        + "' (use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or @every <duration>)");
            }
            cron = text;
        }
        List<ExecutionTime> cached = PARSED.get(cron);
        if (cached != null) {
            return cached;
        }
        List<ExecutionTime> parsed = parseCron(cron);
        if (PARSED.size() >= CACHE_LIMIT) {
            PARSED.clear();
        }
        PARSED.put(cron, parsed);
        return parsed;
    }

    private static List<ExecutionTime> parseCron(String cron) {
        String[] fields = cron.split(" ");
        CronParser parser = parser(cron);
        int dayOfMonth = fields.length - 3;
        int dayOfWeek = fields.length - 1;
        try {
            if (restricts(fields[dayOfMonth]) && restricts(fields[dayOfWeek])) {
                List<ExecutionTime> either = new ArrayList<>();
                either.add(ExecutionTime.forCron(parser.parse(withField(fields, dayOfWeek, "?"))));
                either.add(ExecutionTime.forCron(parser.parse(withField(fields, dayOfMonth, "?"))));
                return List.copyOf(either);
            }
            return List.of(ExecutionTime.forCron(parser.parse(cron)));
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(describeParseError(e));
        }
    }

    private static CronParser parser(String cron) {
        int count = cron.split(" ").length;
        return switch (count) {
            case 5 -> FIVE_FIELDS;
            case 6 -> SIX_FIELDS;
            default -> throw new InvalidScheduleException("must have 5 fields (minute first) or 6 fields (second first),"
                    + " or be a macro such as @daily or @every 30s; found " + count + " field" + (count == 1 ? "" : "s"));
        };
    }

    private static boolean restricts(String field) {
        return !field.equals("*") && !field.equals("?");
    }

    private static String withField(String[] fields, int index, String value) {
        String[] copy = Arrays.copyOf(fields, fields.length);
        copy[index] = value;
        return String.join(" ", copy);
    }

    private static String describeParseError(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid cron expression" : e.getMessage();
        String prefix = "Failed to parse cron expression. ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return "invalid cron expression: " + message.strip();
    }

    private static Duration parseEvery(String text) {
        String spec = text.substring(EVERY.length()).strip();
        if (!DURATION.matcher(spec).matches()) {
            throw new InvalidScheduleException("@every needs a duration such as 30s, 5m, 1h30m or 1500ms");
        }
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(spec);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
            if (total.compareTo(MAX_EVERY) > 0) {
                break;
            }
        }
        if (total.compareTo(MIN_EVERY) < 0) {
            throw new InvalidScheduleException("@every must be at least 1s");
        }
        if (total.compareTo(MAX_EVERY) > 0) {
            throw new InvalidScheduleException("@every must be at most 366d");
        }
        return total;
    }

    private static String describeDuration(Duration duration) {
        List<String> parts = new ArrayList<>();
        addPart(parts, duration.toDaysPart(), "day");
        addPart(parts, duration.toHoursPart(), "hour");
        addPart(parts, duration.toMinutesPart(), "minute");
        addPart(parts, duration.toSecondsPart(), "second");
        addPart(parts, duration.toMillisPart(), "millisecond");
        return String.join(" ", parts);
    }

    private static void addPart(List<String> parts, long amount, String unit) {
        if (amount > 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }

    private static CronDefinition definition(boolean withSeconds) {
        CronDefinitionBuilder builder = CronDefinitionBuilder.defineCron();
        if (withSeconds) {
            builder = builder.withSeconds().and();
        }
        return builder
                .withMinutes().and()
                .withHours().and()
                .withDayOfMonth().supportsL().supportsW().supportsLW().supportsQuestionMark().and()
                .withMonth().and()
                .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
                .supportsHash().supportsL().supportsQuestionMark().and()
                .instance();
    }
}
