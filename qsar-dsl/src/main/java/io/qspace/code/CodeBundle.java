package io.qspace.code;

import io.qspace.store.ContentHash;
import io.qspace.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
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

    /**
     * The class files of these run-time classes and of every run-time class they refer to (helpers, nested classes,
     * the snippets a notebook cell calls), which a member needs to run them.
     */
    public static CodeBundle of(Set<Class<?>> roots) {
        Map<String, byte[]> classes = new TreeMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (classes.containsKey(type.getName())) {
                continue;
            }
            byte[] file = ClassBytes.require(type);
            classes.put(type.getName(), file);
            for (String ref : ClassRefs.of(file)) {
                if (classes.containsKey(ref)) {
                    continue;
                }
                try {
                    Class<?> c = Class.forName(ref, false, type.getClassLoader());
                    if (RuntimeClasses.definedAtRunTime(c)) {
                        todo.push(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // a reference the client cannot resolve either; it will fail the same way on the member
                }
            }
        }
        return new CodeBundle(classes);
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
        return hashOf(toBytes());
    }

    /** The hash a bundle's bytes are stored under: checked before a byte of them is parsed. */
    public static String hashOf(byte[] bytes) {
        return ContentHash.of(bytes).substring(0, 32);
    }

    /**
     * Stores this bundle under its hash unless an intact copy is there already; a corrupt copy (bytes that do not
     * match the hash) is written again, so the client that ships code repairs what members would refuse.
     *
     * @return the hash
     */
    public String storeIn(ObjectStore store) throws IOException {
        byte[] bytes = toBytes();
        String hash = hashOf(bytes);
        java.util.Optional<byte[]> there = store.get(key(hash));
        if (there.isEmpty() || !hashOf(there.get()).equals(hash)) {
            store.put(key(hash), bytes);
        }
        return hash;
    }

    /**
     * Reads the bundle stored under a hash, after checking that its bytes have that hash: a corrupt or substituted
     * bundle is an error naming its key, never parsed.
     */
    public static CodeBundle read(ObjectStore store, String hash) {
        String key = key(hash);
        byte[] bytes = store.require(key);
        if (!hashOf(bytes).equals(hash)) {
            throw new IllegalStateException("code bundle '" + key + "' in " + store.uri() + " is corrupt ("
                    + bytes.length + " bytes that do not have its hash): none of it was loaded. The client that "
                    + "ships this code writes it again on its next run");
        }
        return fromBytes(bytes);
    }

    /** Parses a bundle; every count and length is checked against the bytes left, so no length allocates more. */
    public static CodeBundle fromBytes(byte[] data) {
        Map<String, byte[]> classes = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = in.readInt();
            if (n < 0 || n > data.length) {
                throw new IOException("it claims " + n + " classes in " + data.length + " bytes");
            }
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("class " + name + " claims " + length + " bytes, " + in.available()
                            + " are left");
                }
                byte[] b = new byte[length];
                in.readFully(b);
                classes.put(name, b);
            }
        } catch (IOException e) {
            throw new IllegalStateException("corrupt code bundle: " + e.getMessage(), e);
        }
        return new CodeBundle(classes);
    }
}
