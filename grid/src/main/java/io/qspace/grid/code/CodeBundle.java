package io.qspace.grid.code;

import io.qspace.store.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class files that travel together (the classes one tree of invocations needs and the members lack), stored once
 * under the content hash of their bytes. A plain length-prefixed format, not Java serialisation, so reading a
 * bundle can never instantiate anything.
 */
public record CodeBundle(Map<String, byte[]> classes) {
    public static final String KEY_PREFIX = "code/";

    public CodeBundle {
        classes = new TreeMap<>(classes);
    }

    public static String key(String hash) {
        return KEY_PREFIX + hash + ".bundle";
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public String hash() {
        return ContentHash.of(toBytes()).substring(0, 32);
    }

    public static CodeBundle fromBytes(byte[] data) {
        Map<String, byte[]> classes = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                classes.put(name, b);
            }
        } catch (IOException e) {
            throw new IllegalStateException("corrupt code bundle: " + e.getMessage(), e);
        }
        return new CodeBundle(classes);
    }
}
