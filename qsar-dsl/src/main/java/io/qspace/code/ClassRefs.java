package io.qspace.code;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The classes a class file names in its constant pool: what a shipped class may load when it runs (helpers,
 * nested classes, lambdas' targets) although no instance of them travels in the serialised task.
 */
final class ClassRefs {
    private ClassRefs() {}

    static Set<String> of(byte[] classFile) {
        Set<String> names = new LinkedHashSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // longs and doubles take two slots
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            for (int i = 1; i < count; i++) {
                if (classNameIndex[i] != 0 && utf8[classNameIndex[i]] != null) {
                    String n = utf8[classNameIndex[i]];
                    while (n.startsWith("[")) {
                        n = n.substring(1);
                    }
                    if (n.startsWith("L") && n.endsWith(";")) {
                        n = n.substring(1, n.length() - 1);
                    }
                    if (n.length() > 1) {
                        names.add(n.replace('/', '.'));
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable class file ships alone; its missing helpers will fail loudly on the member
        }
        return names;
    }
}
