package io.qspace.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConsensusTest {

    /** Three candidates: the truth plus independent noise of sd 0.2, 0.3 and 1.0, on 60 rows in 3 folds. */
    private static Consensus noisy(long seed) {
        Random random = new Random(seed);
        int n = 60;
        double[] y = new double[n];
        int[][] folds = new int[1][n];
        double[][][] p = new double[3][1][n];
        double[] sd = {0.2, 0.3, 1.0};
        for (int i = 0; i < n; i++) {
            y[i] = random.nextGaussian();
            folds[0][i] = i % 3;
            for (int c = 0; c < 3; c++) p[c][0][i] = y[i] + sd[c] * random.nextGaussian();
        }
        return new Consensus(y, folds, p);
    }

    @Test
    void averagingTheTwoGoodModelsBeatsEachAndLeavesOutTheBadOne() {
        Consensus c = noisy(1);
        Consensus.Result r = c.score(List.of(2, 3));
        assertEquals(2, r.k(), "the third model's noise is five times the first's");
        assertEquals(List.of(0, 1), r.members(), "best CV first");
        double single = Metrics.rmse(c.observed(), c.predictions()[0][0]);
        assertTrue(r.plain() < single, r.plain() + " vs " + single);
        assertTrue(r.cv().rmse() >= r.plain() - 1e-12, "the nested score is never below the plain one here");
        assertEquals(3, r.foldK()[0].length);
    }

    @Test
    void sizesAboveTheCandidatesAreLeftOutAndNoneFittingIsAnError() {
        assertEquals(3, noisy(2).score(List.of(3, 5, 10)).k());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noisy(2).score(List.of(5, 10)));
        assertTrue(e.getMessage().contains("3 candidates"), e.getMessage());
    }

    @Test
    void allIsThePlainMeanOfEveryCandidateWithNothingChosenSoItsNestedScoreIsItsPlainScore() {
        Consensus c = noisy(2);
        Consensus.Result all = c.score(List.of(Consensus.ALL));
        assertEquals(3, all.k());
        assertEquals(List.of(0, 1, 2), all.members().stream().sorted().toList());
        double[] mean = Consensus.mean(new double[][]{c.predictions()[0][0], c.predictions()[1][0], c.predictions()[2][0]});
        assertEquals(Metrics.rmse(c.observed(), mean), all.plain(), 1e-12);
        assertEquals(all.plain(), all.cv().rmse(), 1e-12, "no choice, so nothing for the nesting to remove");
        // beside sizes it is one more k to choose from
        assertTrue(c.score(List.of(2, Consensus.ALL)).k() >= 2);
    }

    @Test
    void candidatesOnOtherRowsAreRefused() {
        double[][][] p = {{{1, 2, 3}}, {{1, 2}}};
        assertThrows(IllegalArgumentException.class, () -> new Consensus(new double[]{1, 2, 3}, new int[][]{{0, 1, 2}}, p));
    }

    /**
     * Three probability-like candidates on 60 rows of classes 0/1: two informative ones (noise 0.2 and 0.3 around
     * the class) and one of pure noise, so ranking by ROC-AUC, highest first, must leave the noise out.
     */
    private static Consensus classes(long seed, Metric metric) {
        Random random = new Random(seed);
        int n = 60;
        double[] y = new double[n];
        int[][] folds = new int[1][n];
        double[][][] p = new double[3][1][n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            folds[0][i] = (i / 2) % 3;
            p[0][0][i] = Math.min(1, Math.max(0, 0.3 + 0.4 * y[i] + 0.2 * random.nextGaussian()));
            p[1][0][i] = Math.min(1, Math.max(0, 0.3 + 0.4 * y[i] + 0.3 * random.nextGaussian()));
            p[2][0][i] = random.nextDouble();
        }
        return new Consensus(y, folds, p, metric);
    }

    @Test
    void aConsensusOfClassifiersRanksByRocAucHighestFirstAndScoresItsNestedProbabilitiesAsClasses() {
        Consensus c = classes(3, Metric.ROC_AUC);
        Consensus.Result r = c.score(List.of(2, 3));
        assertEquals(List.of(0, 1), r.members(), "the informative candidates, best ROC-AUC first: not the noise");
        double[] mean = Consensus.mean(new double[][]{c.predictions()[0][0], c.predictions()[1][0]});
        assertEquals(ClassificationMetrics.rocAuc(c.observed(), mean), r.plain(), 1e-12);
        // the nested probabilities are scored as a single classifier's out-of-fold probabilities are
        double[] nested = r.cv().predictions()[0];
        assertEquals(ClassificationMetrics.rocAuc(c.observed(), nested), r.cv().classification().rocAuc(), 1e-12);
        assertEquals(ClassificationMetrics.brier(c.observed(), nested), r.cv().classification().brier(), 1e-12);
        assertEquals(Metrics.rmse(c.observed(), nested), r.cv().rmse(), 1e-12);
        // RMSE, lower is better, would rank by its own direction: the regression consensus has no class measures
        assertEquals(null, new Consensus(c.observed(), c.folds(), c.predictions()).score(List.of(2)).cv()
                .classification());
        // by Brier, lower is better: still the informative pair, never the noise
        assertEquals(List.of(0, 1), classes(3, Metric.BRIER).score(List.of(2)).members());
    }
}
