package io.qspace.model.trees;

import java.io.Serializable;

/**
 * What limits a tree: depth, leaf size (rows, not weights, as scikit-learn's min_samples_leaf), features tried per
 * split (mtry >= features means all) and leaf count (Integer.MAX_VALUE for none).
 */
public record TreeSettings(int maxDepth, int minLeaf, int mtry, int maxLeaves) implements Serializable {
    public TreeSettings {
        if (maxDepth < 0 || minLeaf < 1 || mtry < 1 || maxLeaves < 1) {
            throw new IllegalArgumentException("bad tree settings: " + maxDepth + ", " + minLeaf + ", " + mtry + ", "
                    + maxLeaves);
        }
    }
}
