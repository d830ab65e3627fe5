package io.qspace.run;

import java.util.Locale;

/**
 * Where one invocation of a study stands, the same names on every runner: queued, running (claimed by a slot),
 * then one of the three ends.
 */
public enum InvocationStatus {
    QUEUED, RUNNING, EXECUTED, REUSED, FAILED;

    private static final InvocationStatus[] BY_CODE = values();

    /** The name shown to people and in events: "queued", "running", "executed", "reused", "failed". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == EXECUTED || this == REUSED || this == FAILED;
    }

    /** A small number for compact state entries (a grid's queries compare it). */
    public int code() {
        return ordinal();
    }

    public static InvocationStatus ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no invocation status with code " + code);
        }
        return BY_CODE[code];
    }
}
