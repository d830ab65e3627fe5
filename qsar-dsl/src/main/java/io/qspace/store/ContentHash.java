package io.qspace.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content hashes, hex: equal inputs give equal keys, so repeated work is found and skipped. */
public final class ContentHash {
    private ContentHash() {}

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Hash of several text parts, separated unambiguously. */
    public static String of(String... parts) {
        MessageDigest md = digest();
        for (String part : parts) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The first 16 hex digits: enough to tell invocations apart in a study, short enough to read. */
    public static String shortOf(String... parts) {
        return of(parts).substring(0, 16);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
