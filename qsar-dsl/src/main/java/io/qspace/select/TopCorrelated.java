package io.qspace.select;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * "topK-correlated": the K descriptors with the largest |Pearson r| with the activity, ties broken by column order.
 * Written with several sizes it stands for one selector per size; {@link #each()} expands it.
 */
record TopCorrelated(List<Integer> sizes) implements Selector {
    private static final long serialVersionUID = 1L;

    TopCorrelated {
        if (sizes.isEmpty()) throw new IllegalArgumentException("topCorrelated needs at least one size");
        for (int k : sizes) if (k < 1) throw new IllegalArgumentException("topCorrelated sizes must be positive: " + k);
        sizes = List.copyOf(sizes);
    }

    @Override
    public String name() {
        if (sizes.size() == 1) return "top" + sizes.get(0) + "-correlated";
        return "top" + sizes.stream().map(String::valueOf).collect(Collectors.joining(",")) + "-correlated";
    }

    @Override
    public List<Selector> each() {
        if (sizes.size() == 1) return List.of(this);
        return sizes.stream().map(k -> (Selector) new TopCorrelated(List.of(k))).toList();
    }

    @Override
    public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
        if (sizes.size() != 1) {
            throw new IllegalStateException(name() + " stands for " + sizes.size()
                    + " feature sets: use each() to get one selector per size");
        }
        int k = sizes.get(0);
        int[] descriptors = Candidates.descriptorPositions(candidates, context);
        double[] unitY = Pearson.unitCentred(y);
        double[] strength = new double[descriptors.length];
        for (int d = 0; d < descriptors.length; d++) {
            strength[d] = Math.abs(Pearson.dot(Pearson.unitCentred(Pearson.column(x, descriptors[d])), unitY));
        }
        int[] chosen = IntStream.range(0, descriptors.length).boxed()
                .sorted(Comparator.comparingDouble((Integer d) -> -strength[d])
                        .thenComparingInt(d -> candidates[descriptors[d]]))
                .limit(k)
                .mapToInt(d -> descriptors[d])
                .toArray();
        return Candidates.featureSet(name(), chosen, candidates, context);
    }
}
