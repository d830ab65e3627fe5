package io.qspace.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.qspace.plan.LargeSets;
import io.qspace.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a member tells clients about its memory, as Hazelcast member attributes (its slots and maximum heap), and the
 * client's check of a plan against every member before submitting it: a dataset that a member cannot hold is refused
 * before anything runs, with the heap it needs, rather than failing as an OutOfMemoryError inside that member.
 */
final class MemberMemory {
    static final String SLOTS = "qspace.slots";
    static final String MAX_HEAP = "qspace.maxHeapBytes";

    private MemberMemory() {}

    /** Puts this JVM's slots and maximum heap into the member's attributes; call before the member starts. */
    static void announce(Config config, GridSettings settings) {
        config.getMemberAttributeConfig()
                .setAttribute(SLOTS, Integer.toString(settings.slots()))
                .setAttribute(MAX_HEAP, Long.toString(Runtime.getRuntime().maxMemory()));
    }

    /**
     * @throws IllegalStateException naming each member whose heap cannot hold the plan's largest dataset with its
     *                               slots busy, the heap needed, and the settings that would fit
     */
    static void check(HazelcastInstance hz, Plan plan) {
        LargeSets.largest(plan).ifPresent(largest -> {
            List<String> refusals = new ArrayList<>();
            for (Member m : hz.getCluster().getMembers()) {
                String slots = m.getAttribute(SLOTS);
                String heap = m.getAttribute(MAX_HEAP);
                if (slots == null || heap == null) {
                    continue; // a member of an older version: it says nothing, and the run will tell
                }
                int s = Integer.parseInt(slots);
                String remedy = String.format(Locale.ROOT, "Start that member with QSPACE_HEAP=%dg, or with "
                                + "QSPACE_SLOTS=1 (needs about %s)", LargeSets.gigabytes(largest.bytesNeeded(s)),
                        LargeSets.size(largest.bytesNeeded(1)));
                String refusal = largest.refusal(s, Long.parseLong(heap), "grid member " + m.getAddress(), remedy);
                if (refusal != null) {
                    refusals.add(refusal);
                }
            }
            if (!refusals.isEmpty()) {
                throw new IllegalStateException(refusals.size() + " of " + hz.getCluster().getMembers().size()
                        + " grid member(s) cannot hold the study's largest dataset, so nothing was submitted: "
                        + String.join(" ", refusals));
            }
        });
    }
}
