package io.qspace.code;

import io.qspace.store.ContentHash;
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
