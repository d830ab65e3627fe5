package io.qspace.plan;

import io.qspace.chem.DescriptorSet;
import io.qspace.data.Dataset;
import io.qspace.model.ModelBuilder;
import io.qspace.model.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a plan means for large datasets: the size above which builders switch to an approximation (their
 * {@code exactUpTo} parameter, e.g. {@code svr().exactUpTo(4000)}), and the heap the largest dataset needs, checked
 * against the JVM's maximum before anything runs.
 *
 * <p>The estimate: 8 bytes per value of the descriptor matrix (compounds x columns), held {@link #PREPARE_COPIES}
 * times while a dataset is prepared (computed, imputed, filtered) and {@link #BUILD_COPIES} times by each busy slot
 * (its feature set, a centred or scaled copy, a model's own copy, the fold's selection). Feature sets narrower than
 * the whole matrix make this an upper bound.
 */
public final class LargeSets {
    static final int PREPARE_COPIES = 3;
    static final int BUILD_COPIES = 4;
    private static final Map<String, Integer> WIDTHS = new ConcurrentHashMap<>();

    private LargeSets() {}

    /** Heap the plan's largest dataset needs with this many slots busy, in bytes (0 when it cannot tell). */
    public static long bytesNeeded(Plan plan, int slots) {
        long most = 0;
        for (int i = 0; i < plan.datasets().size() && i < plan.roots().size(); i++) {
            if (plan.roots().get(i).task() instanceof PrepareTask prepare) {
                most = Math.max(most, bytesNeeded(plan.datasets().get(i).size(), width(prepare.descriptors()), slots));
            }
        }
        return most;
    }

    static long bytesNeeded(long compounds, long columns, int slots) {
        return 8L * compounds * columns * (PREPARE_COPIES + (long) slots * BUILD_COPIES);
    }

    /**
     * Refuses a plan whose largest dataset cannot fit in maxHeap bytes, naming it, the size it needs and what to do.
     */
    public static void checkFits(Plan plan, int slots, long maxHeap) {
        for (int i = 0; i < plan.datasets().size() && i < plan.roots().size(); i++) {
            if (!(plan.roots().get(i).task() instanceof PrepareTask prepare)) {
                continue;
            }
            Dataset d = plan.datasets().get(i);
            int columns = width(prepare.descriptors());
            long needed = bytesNeeded(d.size(), columns, slots);
            if (needed > maxHeap) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "study %s: dataset %s (%,d compounds x %,d descriptor columns) needs about %s of heap with "
                                + "%d slots busy, more than this JVM's maximum of %s. Start Java with -Xmx%dg, run "
                                + "on fewer slots (new EmbeddedRunner(1) needs about %s), or use grid members with "
                                + "more memory; nothing has run.",
                        plan.name(), d.name(), d.size(), columns, size(needed), slots, size(maxHeap),
                        (needed + (1L << 30) - 1) / (1L << 30) + 1, size(bytesNeeded(d.size(), columns, 1))));
            }
        }
    }

    /** The plan's lines about large sets: each builder's exact limit and the heap estimate, or "" if none apply. */
    public static String describe(Plan plan, int slots, long maxHeap) {
        List<String> lines = new ArrayList<>();
        for (String limit : exactLimits(plan)) {
            lines.add("  large sets: " + limit);
        }
        long needed = bytesNeeded(plan, slots);
        if (needed > 0) {
            lines.add("  memory: about " + size(needed) + " of heap for the largest dataset at " + slots
                    + " slots (this JVM's maximum " + size(maxHeap) + ")");
        }
        return String.join("\n", lines);
    }

    /** "svr: exact up to 4000 training rows, nystrom with 1000 landmarks above", once per distinct builder. */
    static List<String> exactLimits(Plan plan) {
        List<String> out = new ArrayList<>();
        for (Invocation root : plan.roots()) {
            if (!(root.task() instanceof PrepareTask prepare)) {
                continue;
            }
            for (ModelBuilder builder : prepare.builders()) {
                for (ModelBuilder point : builder.grid()) {
                    Params p = point.params();
                    if (p.has("exactUpTo")) {
                        String line = builder.name() + ": exact up to " + p.get("exactUpTo")
                                + " training rows, nystrom with " + p.get("landmarks") + " landmarks above"
                                + " (.exactUpTo(n) sets it)";
                        if (!out.contains(line)) {
                            out.add(line);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Descriptor columns of a set, from one small molecule (remembered per set). */
    static int width(DescriptorSet descriptors) {
        try {
            return WIDTHS.computeIfAbsent(descriptors.describe(),
                    key -> descriptors.calculate(List.of("CCO"), null).names().size());
        } catch (RuntimeException e) {
            return 0; // a set that cannot say its width on ethanol: no estimate, the run will tell
        }
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }
}
