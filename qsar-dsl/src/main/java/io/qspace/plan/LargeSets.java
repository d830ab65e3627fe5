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
        return largest(plan).map(d -> d.bytesNeeded(slots)).orElse(0L);
    }

    static long bytesNeeded(long compounds, long columns, int slots) {
        return 8L * compounds * columns * (PREPARE_COPIES + (long) slots * BUILD_COPIES);
    }

    /**
     * Refuses a plan whose largest dataset cannot fit in maxHeap bytes, naming it, the size it needs and what to do.
     */
    public static void checkFits(Plan plan, int slots, long maxHeap) {
        largest(plan).ifPresent(d -> {
            String refusal = d.refusal(slots, maxHeap, "this JVM", String.format(Locale.ROOT,
                    "Start Java with -Xmx%dg, run on fewer slots (new EmbeddedRunner(1) needs about %s), or use grid "
                            + "members with more memory", gigabytes(d.bytesNeeded(slots)), size(d.bytesNeeded(1))));
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
        });
    }

    /**
     * The dataset of a plan that needs the most heap (compounds x descriptor columns), if any can be estimated: what a
     * runner checks against the heap of each JVM that will build it (this one, or every grid member).
     */
    public static java.util.Optional<Largest> largest(Plan plan) {
        Largest most = null;
        for (int i = 0; i < plan.datasets().size() && i < plan.roots().size(); i++) {
            if (plan.roots().get(i).task() instanceof PrepareTask prepare) {
                Dataset d = plan.datasets().get(i);
                Largest candidate = new Largest(plan.name(), d.name(), d.size(), width(prepare.descriptors()));
                if (candidate.columns() > 0 && (most == null || candidate.bytesNeeded(1) > most.bytesNeeded(1))) {
                    most = candidate;
                }
            }
        }
        return java.util.Optional.ofNullable(most);
    }

    /** A plan's largest dataset, as {@link #largest} finds it. */
    public record Largest(String study, String dataset, int compounds, int columns) implements java.io.Serializable {
        /** Heap this dataset needs with this many slots busy, in bytes. */
        public long bytesNeeded(int slots) {
            return LargeSets.bytesNeeded(compounds, columns, slots);
        }

        /**
         * Why this dataset cannot be built in a JVM with this many slots and this maximum heap, or null if it fits.
         *
         * @param jvm    the JVM in words, e.g. "this JVM" or "grid member [10.0.0.5]:5701"
         * @param remedy what to do, e.g. "Start Java with -Xmx8g"
         */
        public String refusal(int slots, long maxHeap, String jvm, String remedy) {
            long needed = bytesNeeded(slots);
            if (needed <= maxHeap) {
                return null;
            }
            return String.format(Locale.ROOT, "study %s: dataset %s (%,d compounds x %,d descriptor columns) needs "
                            + "about %s of heap with %d slots busy, more than %s's maximum of %s. %s; nothing has run.",
                    study, dataset, compounds, columns, size(needed), slots, jvm, size(maxHeap), remedy);
        }
    }

    /** Whole gigabytes to ask for so that this many bytes fit, with one to spare. */
    public static long gigabytes(long bytes) {
        return (bytes + (1L << 30) - 1) / (1L << 30) + 1;
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

    /**
     * "svr: exact up to 4000 training rows, nystrom with 1000 landmarks above", once per distinct builder, then the
     * applicability domain's limit.
     */
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
                        // svr has landmarks, the Gaussian process a noise, kNN neither
                        addOnce(out, builder.name() + ": exact up to " + p.get("exactUpTo") + " training rows, "
                                + (p.has("landmarks") ? "nystrom with " + p.get("landmarks") + " landmarks"
                                : p.has("noise") ? "a seeded sample of that many rows"
                                : "neighbours among the nearest cells") + " above (.exactUpTo(n) sets it)");
                    }
                }
            }
            addOnce(out, "applicability domain: exact up to " + prepare.validation().domainExactUpTo()
                    + " training rows, neighbours among the nearest cells above (Validation.domainExactUpTo(n) sets it)");
        }
        return out;
    }

    private static void addOnce(List<String> lines, String line) {
        if (!lines.contains(line)) {
            lines.add(line);
        }
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

    public static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }
}
