package io.qspace.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The mean of the top-k models by CV, scored from their stored out-of-fold predictions without refitting. For a
 * regression the mean of predicted activities ranked by RMSE; for a classification the mean of the probabilities of
 * class 1, ranked by the metric that chose the models (ROC-AUC unless the study named another): the same procedure,
 * only the metric and its direction differ ({@link Metric#of(double[], double[])}, {@link Metric#better}).
 *
 * <p>Choosing the members and k by the same out-of-fold predictions that score the consensus is itself a selection,
 * so the score is nested: for each repeat and held-out fold, the candidates are ranked and k is chosen on the other
 * folds' out-of-fold rows only, and the held-out fold is predicted by the mean of the members chosen there. That
 * score ({@link Result#cv()}) estimates the whole procedure, as selection inside the folds does for feature sets.
 * The final consensus is the same procedure on all folds ({@link Result#members()}, {@link Result#k()}); its plain
 * score, optimistic like every best-of-many score, is kept beside it ({@link Result#plain()}). What is left
 * optimistic: each member's grid point was tuned on all folds, as for any single model.
 *
 * @param observed    [row]: the training activities (classes 0 or 1 for a classification), the same for every
 *                    candidate
 * @param folds       [repeat][row]: the fold each row was held out in, the same for every candidate
 * @param predictions [candidate][repeat][row]: each candidate's out-of-fold predictions (probabilities of class 1
 *                    for a classification)
 * @param metric      what ranks the candidates and chooses k; a classification metric scores the nested
 *                    predictions as classes too ({@link CvResult#classification()})
 */
public record Consensus(double[] observed, int[][] folds, double[][][] predictions, Metric metric) {

    /** A regression's consensus, ranked by RMSE. */
    public Consensus(double[] observed, int[][] folds, double[][][] predictions) {
        this(observed, folds, predictions, Metric.RMSE);
    }

    public Consensus {
        java.util.Objects.requireNonNull(metric, "metric");
        if (predictions.length == 0) {
            throw new IllegalArgumentException("a consensus needs at least one candidate");
        }
        for (double[][] candidate : predictions) {
            if (candidate.length != folds.length) {
                throw new IllegalArgumentException("every candidate needs " + folds.length + " CV repeats, one has "
                        + candidate.length);
            }
            for (int r = 0; r < folds.length; r++) {
                if (candidate[r].length != observed.length || folds[r].length != observed.length) {
                    throw new IllegalArgumentException("every candidate needs one out-of-fold prediction per "
                            + "training row (" + observed.length + ")");
                }
            }
        }
    }

    /**
     * @param members   candidate indices of the final consensus, best CV first
     * @param k         how many members (chosen by the plain score on all folds)
     * @param plain     the final consensus's {@link #metric()} over every out-of-fold row: optimistic, its members
     *                  and k were chosen on these rows
     * @param cv        the nested score: predictions, folds, RMSE per repeat and fold, Q2 and RMSE, and for a
     *                  classification its class measures
     * @param foldK     [repeat][fold]: the k chosen without that fold
     */
    public record Result(List<Integer> members, int k, double plain, CvResult cv, int[][] foldK) {}

    /** The size that stands for every candidate, however many there are: the plain mean of all, nothing chosen. */
    public static final int ALL = Integer.MAX_VALUE;

    /** "the top [3, 5, 10] by CV", "all models" or "the top [3] by CV or all models", for descriptions. */
    public static String sizesInWords(List<Integer> sizes) {
        List<Integer> top = sizes.stream().filter(k -> k != ALL).toList();
        boolean all = top.size() < sizes.size();
        return (top.isEmpty() ? "" : "the top " + top + " by CV") + (all ? (top.isEmpty() ? "" : " or ") + "all models" : "");
    }

    /** The sizes that fit a number of candidates, ALL as that number; none when no consensus can be made. */
    public static List<Integer> fitting(List<Integer> sizes, int candidates) {
        return sizes.stream().map(k -> k == ALL ? candidates : k)
                .filter(k -> k >= 1 && k <= candidates).distinct().sorted().toList();
    }

    /**
     * Scores the top-k consensus for each k of {@code sizes} (those above the candidates' count are left out;
     * {@link #ALL} is the count).
     */
    public Result score(List<Integer> sizes) {
        List<Integer> ks = fitting(sizes, predictions.length);
        if (ks.isEmpty()) {
            throw new IllegalArgumentException("no consensus size in " + sizes + " fits " + predictions.length
                    + " candidates: add builders or feature sets, ask for a smaller size (.consensus(2)) or leave"
                    + " the consensus out (.noConsensus())");
        }
        int repeats = folds.length;
        int n = observed.length;
        boolean[][] all = new boolean[repeats][n];
        for (boolean[] r : all) Arrays.fill(r, true);
        Choice whole = choose(all, ks);

        double[][] nested = new double[repeats][n];
        int[] foldCount = new int[repeats];
        for (int r = 0; r < repeats; r++) {
            foldCount[r] = Arrays.stream(folds[r]).max().orElse(-1) + 1;
        }
        int[][] foldK = new int[repeats][];
        double[][] foldRmse = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
            foldK[r] = new int[foldCount[r]];
            foldRmse[r] = new double[foldCount[r]];
            for (int f = 0; f < foldCount[r]; f++) {
                boolean[][] inner = new boolean[repeats][n];
                for (int rr = 0; rr < repeats; rr++) {
                    for (int i = 0; i < n; i++) {
                        // the held-out rows of this fold are out of the ranking in every repeat
                        inner[rr][i] = folds[r][i] != f;
                    }
                }
                Choice c = choose(inner, ks);
                foldK[r][f] = c.k;
                List<Double> obs = new ArrayList<>();
                List<Double> pred = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (folds[r][i] == f) {
                        nested[r][i] = mean(c.members, r, i);
                        obs.add(observed[i]);
                        pred.add(nested[r][i]);
                    }
                }
                foldRmse[r][f] = Metrics.rmse(obs.stream().mapToDouble(Double::doubleValue).toArray(),
                        pred.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        double[] allObserved = new double[repeats * n];
        double[] allNested = new double[repeats * n];
        for (int r = 0; r < repeats; r++) {
            System.arraycopy(observed, 0, allObserved, r * n, n);
            System.arraycopy(nested[r], 0, allNested, r * n, n);
        }
        // scored as a single model's cross-validation is (CrossValidation.run): every repeat's rows pooled
        CvResult cv = new CvResult(nested, folds, foldRmse, Metrics.q2(allObserved, allNested),
                Metrics.rmse(allObserved, allNested), 0,
                metric.kind() == ModelKind.CLASSIFICATION ? ClassScores.of(allObserved, allNested) : null);
        return new Result(whole.members, whole.k, whole.score, cv, foldK);
    }

    /** The members' mean per row ([member][row]): the one averaging of a consensus's test predictions. */
    public static double[] mean(double[][] byMember) {
        double[] out = new double[byMember[0].length];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (double[] member : byMember) sum += member[i];
            out[i] = sum / byMember.length;
        }
        return out;
    }

    private record Choice(List<Integer> members, int k, double score) {}

    /**
     * Ranks the candidates on the rows in {@code use}, then picks the k whose top-k mean scores best there, by the
     * metric's own direction (lowest RMSE, highest ROC-AUC).
     */
    private Choice choose(boolean[][] use, List<Integer> ks) {
        double[] key = IntStream.range(0, predictions.length)
                .mapToDouble(c -> metric.ascendingKey(score(use, new int[]{c}))).toArray();
        // ties by candidate order, so the choice is the same on every runner
        List<Integer> ranked = IntStream.range(0, predictions.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> key[c]).thenComparingInt(c -> c)).toList();
        Choice best = null;
        for (int k : ks) {
            int[] top = ranked.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
            double e = score(use, top);
            if (best == null || metric.better(e, best.score)) {
                best = new Choice(ranked.subList(0, k), k, e);
            }
        }
        return best;
    }

    /** The metric of the members' mean on the rows in {@code use}, every repeat's rows pooled. */
    private double score(boolean[][] use, int[] members) {
        int count = 0;
        for (boolean[] repeat : use) {
            for (boolean u : repeat) count += u ? 1 : 0;
        }
        double[] y = new double[count];
        double[] mean = new double[count];
        int row = 0;
        for (int r = 0; r < folds.length; r++) {
            for (int i = 0; i < observed.length; i++) {
                if (use[r][i]) {
                    y[row] = observed[i];
                    mean[row++] = mean(members, r, i);
                }
            }
        }
        return metric.of(y, mean);
    }

    private double mean(List<Integer> members, int r, int i) {
        return mean(members.stream().mapToInt(Integer::intValue).toArray(), r, i);
    }

    private double mean(int[] members, int r, int i) {
        double s = 0;
        for (int c : members) s += predictions[c][r][i];
        return s / members.length;
    }
}
