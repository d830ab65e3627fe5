package io.qspace.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/** Bookkeeping shared by the selectors: which candidate positions qualify, and turning picks into a FeatureSet. */
final class Candidates {
    private Candidates() {}

    /** Positions (into x's columns) of the candidates that are descriptors rather than fingerprint bits. */
    static int[] descriptorPositions(int[] candidates, SelectionContext context) {
        return positions(candidates, column -> ColumnBlocks.isDescriptor(column, context));
    }

    /** Positions of the candidates lying in the named block. */
    static int[] blockPositions(int[] candidates, SelectionContext context, String block) {
        return positions(candidates, column -> context.inBlock(column, block));
    }

    private static int[] positions(int[] candidates, IntPredicate wanted) {
        return java.util.stream.IntStream.range(0, candidates.length)
                .filter(position -> wanted.test(candidates[position]))
                .toArray();
    }

    /** The feature set of the chosen candidate positions, as matrix columns in ascending order. */
    static FeatureSet featureSet(String name, int[] chosenPositions, int[] candidates, SelectionContext context) {
        int[] columns = new int[chosenPositions.length];
        for (int i = 0; i < columns.length; i++) columns[i] = candidates[chosenPositions[i]];
        Arrays.sort(columns);
        List<String> names = new ArrayList<>(columns.length);
        for (int column : columns) names.add(context.names().get(column));
        return new FeatureSet(name, columns, names);
    }

    /** The chosen positions' values, column-major: values[chosen][row]. */
    static double[][] columns(double[][] x, int[] positions) {
        double[][] values = new double[positions.length][];
        for (int c = 0; c < positions.length; c++) values[c] = Pearson.column(x, positions[c]);
        return values;
    }
}
