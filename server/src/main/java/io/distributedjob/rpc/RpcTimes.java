package io.distributedjob.rpc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.distributedjob.kernel.ApiException;

/**
 * Times in gRPC messages are strings: ISO-8601 with offset going out ({@code 2026-01-01T12:00:00+08:00}, empty
 * when there is none). Coming in, an offset may be left out (the server's zone then applies), a space may stand
 * for the {@code T}, and a bare date means its start.
 */
final class RpcTimes {

    private RpcTimes() {
    }

    static String format(OffsetDateTime time) {
        return time == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : format(instant.atZone(zone).toOffsetDateTime());
    }

    /** The instant {@code text} names, or null when it is empty; INVALID_ARGUMENT naming {@code field} otherwise. */
    static Instant parse(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(value).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw ApiException.invalid(field + ": must be an ISO-8601 time such as 2026-01-01T12:00:00+08:00");
                }
            }
        }
    }
}
