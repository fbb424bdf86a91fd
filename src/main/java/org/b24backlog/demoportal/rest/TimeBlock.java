package org.b24backlog.demoportal.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the {@code time} block of a REST response: Unix times with microseconds and ISO-8601 dates. */
public final class TimeBlock {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private TimeBlock() {
    }

    /** The block of a batch sub-command, which has no {@code operating} fields. */
    public static ObjectNode of(Instant start, Instant finish) {
        ObjectNode time = JsonNodeFactory.instance.objectNode();
        double duration = seconds(start, finish);
        time.put("start", unix(start));
        time.put("finish", unix(finish));
        time.put("duration", decimal(duration));
        time.put("processing", decimal(duration));
        time.put("date_start", iso(start));
        time.put("date_finish", iso(finish));
        return time;
    }

    /** The block of a top-level response, with the method's operating time. */
    public static ObjectNode of(Instant start, Instant finish, OperatingTime.Usage usage) {
        ObjectNode time = of(start, finish);
        time.put("operating_reset_at", usage.resetAt());
        time.put("operating", decimal(usage.seconds()));
        return time;
    }

    public static double seconds(Instant start, Instant finish) {
        return Duration.between(start, finish).toNanos() / 1e9;
    }

    private static BigDecimal unix(Instant instant) {
        long micros = instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
        return BigDecimal.valueOf(micros, 6);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    private static String iso(Instant instant) {
        return ISO.format(instant.atZone(ZoneId.systemDefault()).toOffsetDateTime().withNano(0));
    }
}
