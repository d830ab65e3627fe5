package io.qspace.grid.code;

import io.qspace.code.CodeBundle;
import io.qspace.code.RuntimeClasses;
import io.qspace.plan.Invocation;
import io.qspace.store.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's side of code shipping: serialises an invocation while noting every class written that the members
 * cannot have (defined at run time, outside qspace and the JDK), closes that set over the classes they refer to, and
 * puts the class files in the store once, as a bundle named by its content hash.
 */
public final class CodeShipper {
    private final Set<String> shipped = ConcurrentHashMap.newKeySet();
    private final Map<String, CodeBundle> bundles = new ConcurrentHashMap<>();
    private volatile String lastFailure;

    /** A serialised invocation and the bundle its classes need ("" for none). */
    public record Encoded(byte[] payload, String code) {}

    public Encoded encode(Invocation invocation, ObjectStore store) {
        Set<Class<?>> foreign = new LinkedHashSet<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new RuntimeClasses.Noting(bytes, foreign)) {
            out.writeObject(invocation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + invocation + ": every part of it must be "
                    + "Serializable (" + e.getMessage() + ")", e);
        }
        if (foreign.isEmpty()) {
            return new Encoded(bytes.toByteArray(), "");
        }
        CodeBundle bundle;
        try {
            bundle = CodeBundle.of(foreign);
        } catch (IllegalStateException e) {
            lastFailure = e.getMessage();
            throw e;
        }
        String hash = bundle.hash();
        bundles.putIfAbsent(hash, bundle);
        if (shipped.add(store.uri() + hash)) {
            try {
                bundle.storeIn(store); // once per store and bundle in this JVM: a corrupt copy is written again
            } catch (IOException e) {
                shipped.remove(store.uri() + hash);
                throw new UncheckedIOException("cannot ship code to " + store.uri() + ": " + e.getMessage(), e);
            }
        }
        return new Encoded(bytes.toByteArray(), hash);
    }

    /** The bundles this client has shipped, by hash: what `%grid` lists. */
    public Map<String, CodeBundle> shipped() {
        return Map.copyOf(bundles);
    }

    /** Why the last class that could not be shipped could not, or null. */
    public String lastFailure() {
        return lastFailure;
    }
}
