package io.qspace.run;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names of study runs: the UTC start time to the millisecond, then a random part, so that runs of one study sort by
 * start and two clients starting the same study at once still get two runs, e.g. "20261202-041502-123-3fa9c1".
 */
public final class RunIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private RunIds() {}

    public static String next() {
        return TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    public static boolean looksLikeRunId(String s) {
        return s.matches("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{6}");
    }
}
