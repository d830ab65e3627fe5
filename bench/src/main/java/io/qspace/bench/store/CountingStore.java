package io.qspace.bench.store;

import io.qspace.store.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A real store that counts what passes through it: bytes read and written, and calls, for one invocation. */
final class CountingStore implements ObjectStore {
    private final ObjectStore real;
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong calls = new AtomicLong();

    CountingStore(ObjectStore real) {
        this.real = real;
    }

    @Override
    public URI uri() {
        return real.uri();
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        calls.incrementAndGet();
        real.put(key, bytes);
        bytesWritten.addAndGet(bytes.length);
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        calls.incrementAndGet();
        Optional<byte[]> b = real.get(key);
        b.ifPresent(x -> bytesRead.addAndGet(x.length));
        return b;
    }

    @Override
    public boolean exists(String key) throws IOException {
        calls.incrementAndGet();
        return real.exists(key);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        calls.incrementAndGet();
        return real.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
        calls.incrementAndGet();
        real.delete(key);
    }
}
