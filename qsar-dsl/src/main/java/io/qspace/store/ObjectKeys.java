package io.qspace.store;

import java.nio.charset.StandardCharsets;

/**
 * The portable key rule of every qspace store (documented in ObjectStoreContract): a study copied from a folder to a
 * bucket, or back, must keep every key. S3 itself would accept almost anything and a folder accepts other things;
 * one rule here keeps the stores alike.
 */
public final class ObjectKeys {
    private static final String FORBIDDEN = "\\:*?\"<>|";

    private ObjectKeys() {}

    /** @return the key, when every store can hold it; else IllegalArgumentException saying why not */
    public static String check(String key) {
        String why = problem(key);
        if (why != null) {
            throw new IllegalArgumentException("bad object key '" + key + "': " + why);
        }
        return key;
    }

    /** @return why no store may hold the key, or null when it is portable */
    public static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "it is empty";
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
            return "longer than 1024 bytes in UTF-8";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control character U+" + String.format("%04X", (int) c) + " at " + i;
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "'" + c + "' is not allowed (keys must also be file names on Windows)";
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                return "leading, trailing or doubled '/'";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'" + segment + "' is not allowed as a path segment";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > 255) {
                return "a segment is longer than 255 bytes in UTF-8";
            }
        }
        return null;
    }
}
