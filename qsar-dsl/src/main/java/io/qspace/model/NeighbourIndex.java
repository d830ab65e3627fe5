package io.qspace.model;

import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Nearest-neighbour search by Euclidean distance in a row space (e.g. standardised descriptors), shared by kNN, the
 * applicability domain and anything else that needs the rows nearest a query. Up to the search's exact limit the
 * results are exactly those of a brute-force scan: the first k rows in order of (distance, row index), so ties go to
 * the earlier row.
 *
 * <p>Two ways to find them, chosen from the data. Sparse rows (fingerprint counts: each column mostly at its
 * minimum) are screened with the expansion |u|^2 + |v|^2 - 2 u.v over each row's non-baseline entries only, which
 * costs the row's non-zeros instead of every column; the few rows within rounding of the k-th screened distance are
 * then measured exactly, column by column, as a brute-force scan would. Dense rows (descriptors) are scanned
 * exactly with early abandoning. Either way a query is searched once to {@link #DEPTH} neighbours and remembered
 * (by identity), so the k values of a grid read their neighbours off one search.
 *
 * <p>Above a {@link Search}'s exact limit the same scans run over the rows of the query's nearest
 * {@link NeighbourCells} only: approximate (a neighbour in a cell not probed is missed), the rest unchanged.
 */
public final class NeighbourIndex {
    /** Neighbours kept per query, so every k up to this many is read off one search. */
    public static final int DEPTH = 16;
    /** Screened rows count as sparse when fewer than this share of their entries differ from the column baseline. */
    private static final double SPARSE_BELOW = 0.25;
    /** Relative rounding allowance of the screening distances (the expansion loses digits to cancellation). */
    private static final double SCREEN_TOLERANCE = 1e-9;
    /** Queries remembered per index before the memory starts again (a stored model predicting many molecules). */
    private static final int REMEMBER_AT_MOST = 100_000;

    private static final Map<RowsKey, SoftReference<NeighbourIndex>> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RowsKey, SoftReference<NeighbourIndex>> eldest) {
            return size() > 12;
        }
    };

    /** The rows found for one query, nearest first, with their distances (not squared). */
    public record Found(int[] rows, double[] distances) {
        public int size() {
            return rows.length;
        }

        /** The first k (fewer if fewer were found). */
        public Found first(int k) {
            if (k >= rows.length) {
                return this;
            }
            return new Found(Arrays.copyOf(rows, k), Arrays.copyOf(distances, k));
        }
    }

    private final double[][] rows;
    private final UnaryOperator<double[]> toSpace;
    private final int columns;
    // Dense mode: the rows in the search space.
    private final double[][] dense;
    // Sparse mode: per column baseline, rows' non-baseline entries (CSR) and their squared norms.
    private final double[] baseline;
    private final int[] start;
    private final int[] column;
    private final double[] value;
    private final double[] norm2;
    private final double maxNorm2;
    // Above the search's exact limit: the cells whose rows are the only ones compared with a query, else null.
    private final NeighbourCells cells;
    // Arrays hash and compare by identity, so a weak map remembers each query object without keeping it alive.
    private final Map<double[], Found> remembered = new java.util.WeakHashMap<>();

    /**
     * How neighbours are searched: exactly up to exactUpTo indexed rows, above it approximately among the rows of the
     * query's nearest {@link NeighbourCells} (cells from a k-means seeded with seed).
     */
    public record Search(int exactUpTo, long seed) implements java.io.Serializable {
        public static final Search EXACT = new Search(Integer.MAX_VALUE, 0);

        public Search {
            if (exactUpTo < 1) {
                throw new IllegalArgumentException("neighbour search: exactUpTo must be at least 1 row, got "
                        + exactUpTo);
            }
        }

        public boolean approximates(int rows) {
            return rows > exactUpTo;
        }

        /** The search, or exact for null (a model or domain stored before searches could approximate). */
        public static Search orExact(Search search) {
            return search != null ? search : EXACT;
        }
    }

    private NeighbourIndex(double[][] rows, UnaryOperator<double[]> toSpace, Search search) {
        this.rows = rows;
        this.toSpace = toSpace;
        int n = rows.length;
        double[][] space = new double[n][];
        for (int i = 0; i < n; i++) {
            space[i] = toSpace.apply(rows[i]);
        }
        this.columns = n == 0 ? 0 : space[0].length;
        double[] base = new double[columns];
        Arrays.fill(base, Double.POSITIVE_INFINITY);
        for (double[] z : space) {
            for (int j = 0; j < columns; j++) {
                base[j] = Math.min(base[j], z[j]);
            }
        }
        long entries = 0;
        for (double[] z : space) {
            for (int j = 0; j < columns; j++) {
                if (z[j] != base[j]) {
                    entries++;
                }
            }
        }
        boolean sparse = n > 0 && columns > 0 && entries < SPARSE_BELOW * n * (double) columns;
        if (!sparse) {
            this.dense = space;
            this.baseline = null;
            this.start = null;
            this.column = null;
            this.value = null;
            this.norm2 = null;
            this.maxNorm2 = 0;
            this.cells = search.approximates(n) ? NeighbourCells.fit(denseRows(space), search.seed()) : null;
            return;
        }
        this.dense = null;
        this.baseline = base;
        this.start = new int[n + 1];
        this.column = new int[(int) entries];
        this.value = new double[(int) entries];
        this.norm2 = new double[n];
        int e = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            start[i] = e;
            double s = 0;
            for (int j = 0; j < columns; j++) {
                double u = space[i][j] - base[j];
                if (space[i][j] != base[j]) {
                    column[e] = j;
                    value[e++] = u;
                    s += u * u;
                }
            }
            norm2[i] = s;
            max = Math.max(max, s);
        }
        start[n] = e;
        this.maxNorm2 = max;
        this.cells = search.approximates(n) ? NeighbourCells.fit(sparseRows(), search.seed()) : null;
    }

    private static NeighbourCells.Rows denseRows(double[][] space) {
        return new NeighbourCells.Rows() {
            public int size() {
                return space.length;
            }

            public int dimension() {
                return space[0].length;
            }

            public double dot(int row, double[] vector) {
                double s = 0;
                double[] r = space[row];
                for (int j = 0; j < r.length; j++) {
                    s += r[j] * vector[j];
                }
                return s;
            }

            public void addTo(int row, double[] sum) {
                double[] r = space[row];
                for (int j = 0; j < r.length; j++) {
                    sum[j] += r[j];
                }
            }
        };
    }

    /** The sparse rows as the cells see them: each row less the column baseline. */
    private NeighbourCells.Rows sparseRows() {
        return new NeighbourCells.Rows() {
            public int size() {
                return norm2.length;
            }

            public int dimension() {
                return columns;
            }

            public double dot(int row, double[] vector) {
                double s = 0;
                for (int e = start[row]; e < start[row + 1]; e++) {
                    s += value[e] * vector[column[e]];
                }
                return s;
            }

            public void addTo(int row, double[] sum) {
                for (int e = start[row]; e < start[row + 1]; e++) {
                    sum[column[e]] += value[e];
                }
            }
        };
    }

    /** An index over rows already in the search space. */
    public static NeighbourIndex over(double[][] rows) {
        return over(rows, Search.EXACT);
    }

    /** An index over rows already in the search space, searched exactly or approximately as the search says. */
    public static NeighbourIndex over(double[][] rows, Search search) {
        return new NeighbourIndex(rows, UnaryOperator.identity(), search);
    }

    /**
     * An index over rows measured after a transformation (e.g. standardisation), reused when the same row objects
     * were indexed recently: the folds of a cross-validation fit every grid point on the same rows.
     */
    static NeighbourIndex over(double[][] rows, UnaryOperator<double[]> toSpace, Object spaceKey, Search search) {
        RowsKey key = new RowsKey(rows, List.of(spaceKey, search));
        synchronized (RECENT) {
            SoftReference<NeighbourIndex> ref = RECENT.get(key);
            NeighbourIndex found = ref == null ? null : ref.get();
            if (found != null && found.indexes(rows)) {
                return found;
            }
        }
        NeighbourIndex index = new NeighbourIndex(rows, toSpace, search);
        synchronized (RECENT) {
            RECENT.put(key, new SoftReference<>(index));
        }
        return index;
    }

    /** True when this index is over exactly these row objects, in this order. */
    private boolean indexes(double[][] other) {
        if (other.length != rows.length) {
            return false;
        }
        for (int i = 0; i < rows.length; i++) {
            if (other[i] != rows[i]) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return rows.length;
    }

    /** "exact", or the approximation as {@link NeighbourCells#describe} says it, for a model's recorded settings. */
    public String describe() {
        return cells == null ? "exact" : cells.describe();
    }

    /** The cells searched above the exact limit, or null (for tests). */
    NeighbourCells cells() {
        return cells;
    }

    /** True when the rows were screened sparsely (fingerprint-like data). */
    public boolean sparse() {
        return dense == null;
    }

    /** The k rows nearest to a query given as a raw row (transformed like the rows), remembered per query object. */
    public Found nearest(double[] raw, int k) {
        Found found;
        synchronized (remembered) {
            found = remembered.get(raw);
        }
        if (found == null || (found.size() < k && found.size() < rows.length)) {
            found = search(toSpace.apply(raw), Math.max(k, Math.min(DEPTH, rows.length)), -1);
            synchronized (remembered) {
                if (remembered.size() > REMEMBER_AT_MOST) {
                    remembered.clear();
                }
                remembered.put(raw, found);
            }
        }
        return found.first(k);
    }

    /** The k rows nearest to a point of the search space, leaving out row `skip` (or -1). */
    public Found search(double[] query, int k, int skip) {
        int available = rows.length - (skip >= 0 && skip < rows.length ? 1 : 0);
        k = Math.min(k, available);
        if (k <= 0) {
            return new Found(new int[0], new double[0]);
        }
        if (cells == null) {
            return dense != null ? scanDense(query, k, skip, null)
                    : screenSparse(query, minusBaseline(query), k, skip, null);
        }
        if (dense != null) {
            return scanDense(query, k, skip, enough(cells.candidates(query), k, skip));
        }
        double[] u = minusBaseline(query);
        return screenSparse(query, u, k, skip, enough(cells.candidates(u), k, skip));
    }

    /** The candidates, or null (every row) when the probed cells hold fewer than k rows besides the skipped one. */
    private static int[] enough(int[] candidates, int k, int skip) {
        int inside = candidates.length - (Arrays.binarySearch(candidates, skip) >= 0 ? 1 : 0);
        return inside < k ? null : candidates;
    }

    /** A query less the column baseline: the space of the sparse rows (and of their cells). */
    private double[] minusBaseline(double[] query) {
        double[] u = new double[columns];
        for (int j = 0; j < columns; j++) {
            u[j] = query[j] - baseline[j];
        }
        return u;
    }

    /** The rows compared with a query: the candidates, or every row when they are null. */
    private static int rowAt(int[] candidates, int at) {
        return candidates == null ? at : candidates[at];
    }

    private Found scanDense(double[] query, int k, int skip, int[] candidates) {
        int[] index = new int[k];
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(index, -1);
        int count = candidates == null ? dense.length : candidates.length;
        for (int at = 0; at < count; at++) {
            int i = rowAt(candidates, at);
            if (i == skip) {
                continue;
            }
            double d = squaredDistance(dense[i], query, best[k - 1]);
            if (d < best[k - 1]) {
                insert(index, best, i, d);
            }
        }
        return found(index, best);
    }

    /** The sparse screen of a query, given also less the baseline (u), over the candidates (null: every row). */
    private Found screenSparse(double[] query, double[] u, int k, int skip, int[] candidates) {
        int count = candidates == null ? rows.length : candidates.length;
        double q2 = Vectors.dot(u, u);
        double[] screened = new double[count];
        double[] kth = new double[k];
        Arrays.fill(kth, Double.POSITIVE_INFINITY);
        for (int at = 0; at < count; at++) {
            int i = rowAt(candidates, at);
            double dot = 0;
            for (int e = start[i]; e < start[i + 1]; e++) {
                dot += value[e] * u[column[e]];
            }
            double s = norm2[i] + q2 - 2 * dot;
            screened[at] = s;
            if (i != skip && s < kth[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && kth[pos - 1] > s) {
                    kth[pos] = kth[pos - 1];
                    pos--;
                }
                kth[pos] = s;
            }
        }
        // Every row whose exact distance could be among the k smallest is within twice the rounding allowance.
        double limit = kth[k - 1] + 2 * SCREEN_TOLERANCE * (maxNorm2 + q2) + Double.MIN_NORMAL;
        int[] index = new int[k];
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(index, -1);
        for (int at = 0; at < count; at++) {
            int i = rowAt(candidates, at);
            if (i == skip || screened[at] > limit) {
                continue;
            }
            double d = squaredDistance(toSpace.apply(rows[i]), query, Double.POSITIVE_INFINITY);
            if (d < best[k - 1]) {
                insert(index, best, i, d);
            }
        }
        return found(index, best);
    }

    /**
     * Keeps the k smallest in order (best full, its last the largest kept; call only with d below it); an equal
     * distance goes after the earlier rows, as in a brute-force scan.
     */
    static void insert(int[] index, double[] best, int i, double d) {
        int pos = best.length - 1;
        while (pos > 0 && best[pos - 1] > d) {
            best[pos] = best[pos - 1];
            index[pos] = index[pos - 1];
            pos--;
        }
        best[pos] = d;
        index[pos] = i;
    }

    private static Found found(int[] index, double[] best) {
        double[] distances = new double[best.length];
        for (int j = 0; j < best.length; j++) {
            distances[j] = Math.sqrt(best[j]);
        }
        return new Found(index, distances);
    }

    /** Squared distance summed column by column, abandoned once it exceeds the bound (it can then not be kept). */
    private static double squaredDistance(double[] a, double[] b, double bound) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
            if (s > bound) {
                return s;
            }
        }
        return s;
    }

    /**
     * Which row objects (by identity, not value) and space an index was built over, as a hash: the key keeps no
     * reference to the rows, so the recent indexes hold no training data alive beyond their own soft references; a
     * hit is confirmed against the index's rows.
     */
    private record RowsKey(int length, int rowsHash, Object space) {
        RowsKey(double[][] rows, Object space) {
            this(rows.length, identityHash(rows), space);
        }

        private static int identityHash(double[][] rows) {
            int h = rows.length;
            for (double[] row : rows) {
                h = 31 * h + System.identityHashCode(row);
            }
            return h;
        }
    }
}
