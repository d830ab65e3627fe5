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
        assertTrue(r.plainRmse() < single, r.plainRmse() + " vs " + single);
        assertTrue(r.cv().rmse() >= r.plainRmse() - 1e-12, "the nested score is never below the plain one here");
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
        assertEquals(Metrics.rmse(c.observed(), mean), all.plainRmse(), 1e-12);
        assertEquals(all.plainRmse(), all.cv().rmse(), 1e-12, "no choice, so nothing for the nesting to remove");
        // beside sizes it is one more k to choose from
        assertTrue(c.score(List.of(2, Consensus.ALL)).k() >= 2);
    }

    @Test
    void candidatesOnOtherRowsAreRefused() {
        double[][][] p = {{{1, 2, 3}}, {{1, 2}}};
        assertThrows(IllegalArgumentException.class, () -> new Consensus(new double[]{1, 2, 3}, new int[][]{{0, 1, 2}}, p));
    }
}
