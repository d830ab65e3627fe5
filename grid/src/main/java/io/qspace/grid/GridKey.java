package io.qspace.grid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that clients and members of one grid share: clients sign each run, invocation and store probe with it
 * (HMAC-SHA256), members refuse what is unsigned or signed with another key before reading a byte of its code.
 * From QSPACE_GRID_KEY (the key itself) or QSPACE_GRID_KEY_FILE (a file holding it, e.g. a mounted Kubernetes
 * Secret), or the system properties qspace.grid.key / qspace.grid.key.file. Without one, members bind only to
 * loopback: whoever reaches a member's port with the key can run code on every member.
 */
public final class GridKey {
    private static final String ALGORITHM = "HmacSHA256";
    private static final GridKey NONE = new GridKey(null, "none");
    private final byte[] secret;
    private final String source;
    /** One initialised MAC per thread: looking the algorithm up per signature cost the grid a tenth of its rate. */
    private final ThreadLocal<Mac> macs;

    private GridKey(byte[] secret, String source) {
        this.secret = secret;
        this.source = source;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(secret, ALGORITHM));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
            }
        });
    }

    public static GridKey none() {
        return NONE;
    }

    public static GridKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            return NONE;
        }
        if (secret.strip().length() < 16) {
            throw new IllegalArgumentException("a grid key needs at least 16 characters (e.g. `openssl rand -hex 32`)");
        }
        return new GridKey(secret.strip().getBytes(StandardCharsets.UTF_8), "given");
    }

    /** The key of this process: system properties first, then the environment; none when neither names one. */
    public static GridKey fromEnvironment() {
        return from(System.getenv());
    }

    static GridKey from(Map<String, String> env) {
        String key = System.getProperty("qspace.grid.key", env.get("QSPACE_GRID_KEY"));
        String file = System.getProperty("qspace.grid.key.file", env.get("QSPACE_GRID_KEY_FILE"));
        if (key != null && !key.isBlank()) {
            return of(key);
        }
        if (file != null && !file.isBlank()) {
            try {
                GridKey k = of(Files.readString(Path.of(file), StandardCharsets.UTF_8));
                return k == NONE ? NONE : new GridKey(k.secret, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the grid key file " + file + ": " + e.getMessage(), e);
            }
        }
        return NONE;
    }

    public boolean present() {
        return secret != null;
    }

    /** The signature of the parts (joined unambiguously), or "" without a key. */
    public String sign(String... parts) {
        if (secret == null) {
            return "";
        }
        Mac mac = macs.get();
        for (String part : parts) {
            byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) ':');
            mac.update(bytes);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal());
    }

    /** Whether the signature is this key's for the parts; without a key everything is accepted (loopback only). */
    public boolean verifies(String signature, String... parts) {
        if (secret == null) {
            return true;
        }
        return signature != null && MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A digest of bytes to sign instead of the bytes themselves. */
    public static String digest(byte[] bytes) {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return secret == null ? "no grid key" : "grid key from " + source;
    }
}
