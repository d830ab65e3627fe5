package io.qspace.split;

import io.qspace.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scaffold split: compounds sharing a Bemis-Murcko scaffold stay together, so the test part holds chemotypes the
 * model has not seen. Groups are put in a seeded random order and each goes to test while it still fits under the
 * target size; the others go to train. If no group fits (one huge group and nothing else), the smallest group goes to
 * test; a dataset with a single scaffold cannot be split by scaffold and falls back to a random split.
 */
record ScaffoldSplit(double testFraction) implements Split {
    @Override
    public boolean[] testMask(Dataset dataset, long seed) {
        int n = dataset.size();
        // Sorted by scaffold SMILES first, so the seeded order never depends on input or hash order.
        Map<String, List<Integer>> groups = new TreeMap<>();
        List<String> scaffolds = Scaffolds.of(dataset.compounds().stream().map(c -> c.smiles()).toList());
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(scaffolds.get(i), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        if (ordered.size() < 2) {
            return new RandomSplit(testFraction).testMask(dataset, seed);
        }
        int target = SplitSizes.testCount(n, testFraction);
        int[] order = Shuffle.permutation(ordered.size(), seed);
        boolean[] test = new boolean[n];
        int inTest = 0;
        for (int g : order) {
            List<Integer> group = ordered.get(g);
            if (inTest + group.size() <= target) {
                group.forEach(i -> test[i] = true);
                inTest += group.size();
            }
        }
        if (inTest == 0) {
            List<Integer> smallest = ordered.get(order[0]);
            for (int g : order) {
                if (ordered.get(g).size() < smallest.size()) {
                    smallest = ordered.get(g);
                }
            }
            smallest.forEach(i -> test[i] = true);
        }
        return test;
    }

    @Override
    public String describe() {
        return "scaffold(" + SplitSizes.fraction(testFraction) + ")";
    }
}
