package io.qspace.select;

import java.util.ArrayList;
import java.util.List;

/** A selector from a name and a {@link ColumnChooser}: positions among the candidates become matrix columns. */
record ChooserSelector(String name, ColumnChooser chooser) implements Selector {
    ChooserSelector {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("selector name '" + name + "' must be letters, digits, '.', '_' or "
                    + "'-' (it names a feature set in the store)");
        }
    }

    @Override
    public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
        int[] chosen = chooser.choose(x, y, seed);
        int[] columns = new int[chosen.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] < 0 || chosen[i] >= candidates.length) {
                throw new IllegalArgumentException("selector " + name + " chose candidate " + chosen[i] + " of "
                        + candidates.length + ": return positions of x's columns, 0 to " + (candidates.length - 1));
            }
            columns[i] = candidates[chosen[i]];
            names.add(context.names().get(columns[i]));
        }
        return new FeatureSet(name, columns, names);
    }

    @Override
    public String toString() {
        return name;
    }
}
