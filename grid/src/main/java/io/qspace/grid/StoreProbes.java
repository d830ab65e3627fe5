package io.qspace.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.qspace.store.ObjectStore;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The client's side of {@link StoreProbe}: write a probe, have every member read it back, say who cannot. */
final class StoreProbes {
    private static final long TIMEOUT_SECONDS = 60;

    private StoreProbes() {}

    /** @throws IllegalStateException naming the members that cannot read the store, why, and what to use instead */
    static void check(HazelcastInstance hz, ObjectStore store, String storeUri, String runId) {
        String key = "probes/" + runId;
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        try {
            store.put(key, bytes);
            Map<Member, Future<String>> answers = hz.getExecutorService(GridNames.PROBES)
                    .submitToAllMembers(new StoreProbe(storeUri, key, bytes));
            if (answers.isEmpty()) {
                throw new IllegalStateException("the grid has no members to run the study: start some with "
                        + "grid/bin/qspace-member");
            }
            Map<String, String> refused = new TreeMap<>();
            for (Map.Entry<Member, Future<String>> a : answers.entrySet()) {
                String why;
                try {
                    why = a.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    why = "no answer: " + e;
                }
                if (!why.isEmpty()) {
                    refused.put(a.getKey().getAddress().toString(), why);
                }
            }
            if (!refused.isEmpty()) {
                throw new IllegalStateException(refused.size() + " of " + answers.size() + " grid member(s) cannot "
                        + "use the study's store " + storeUri + ", so nothing was submitted: " + refused + ". Members "
                        + "read and write the store themselves: give the study a store every member reaches, e.g. "
                        + ".store(\"s3://bucket/prefix\"), or a folder shared at the same path on every member.");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write to the study's store " + storeUri + ": " + e.getMessage(),
                    e);
        } finally {
            try {
                store.delete(key);
            } catch (Exception ignored) {
                // a stray probe object is harmless
            }
        }
    }
}
