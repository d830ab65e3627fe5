package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.validate.ApplicabilityDomain;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The approximate neighbour search of large training sets (kNN and the applicability domain above their exactUpTo):
 * it finds nearly all true neighbours while comparing a query with a fraction of the rows, is the exact scan at or
 * below the limit, gives the same neighbours for the same rows and seed, and keeps fingerprints out of one hub cell.
 */
class NeighbourCellsTest {
    private static final int K = 5;

    /** Rows around 40 seeded centres in 12 dimensions, as standardised descriptors of a few chemical series. */
    private static double[][] clustered(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[40][12];
        for (double[] c : centres) {
            for (int j = 0; j < c.length; j++) {
                c[j] = 4 * random.nextDouble() - 2;
            }
        }
        double[][] rows = new double[n][12];
        for (int i = 0; i < n; i++) {
            double[] c = centres[random.nextInt(centres.length)];
            for (int j = 0; j < 12; j++) {
                rows[i][j] = c[j] + 0.5 * gaussian(random);
            }
        }
        return rows;
    }

    /**
     * Binary fingerprints standardised per column, as kNN sees ECFP4 counts: each row has the bits of one of 30
     * scaffolds and a few rare bits of its own, which standardising makes large.
     */
    private static double[][] fingerprints(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int bits = 1024;
        int[][] scaffolds = new int[30][20];
        for (int[] s : scaffolds) {
            for (int j = 0; j < s.length; j++) {
                s[j] = random.nextInt(200);
            }
        }
        double[][] rows = new double[n][bits];
        for (int i = 0; i < n; i++) {
            for (int b : scaffolds[random.nextInt(scaffolds.length)]) {
                rows[i][b] = 1;
            }
            for (int extra = 0; extra < 8; extra++) {
                rows[i][200 + random.nextInt(bits - 200)] = 1;
            }
        }
        return Standardiser.fit(rows).apply(rows);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void aboveTheLimitItFindsNearlyAllTrueNeighboursAndSaysHow() {
        double[][] rows = clustered(4000, 1);
        NeighbourIndex exact = NeighbourIndex.over(rows);
        NeighbourIndex cells = NeighbourIndex.over(rows, new NeighbourIndex.Search(1000, 7));
        assertTrue(cells.describe().matches("cells\\(\\d+ of ~\\d+ rows, 16 probed\\)"), cells.describe());
        assertEquals("exact", exact.describe());
        int found = 0;
        double exactDistance = 0;
        double approximateDistance = 0;
        for (int q = 0; q < 400; q++) {
            NeighbourIndex.Found truth = exact.search(rows[q], K, q);
            NeighbourIndex.Found approximate = cells.search(rows[q], K, q);
            assertEquals(K, approximate.size());
            for (int r : approximate.rows()) {
                assertTrue(r != q, "the left-out row is never its own neighbour");
                for (int t : truth.rows()) {
                    found += r == t ? 1 : 0;
                }
            }
            for (int j = 0; j < K; j++) {
                exactDistance += truth.distances()[j];
                approximateDistance += approximate.distances()[j];
            }
        }
        double recall = found / (400.0 * K);
        assertTrue(recall >= 0.95, "recall " + recall);
        assertTrue(approximateDistance / exactDistance < 1.01, approximateDistance / exactDistance + "");
        assertTrue(recall < 1 || approximateDistance >= exactDistance, "never nearer than the exact neighbours");
    }

    @Test
    void aQueryIsComparedWithAFractionOfTheRows() {
        double[][] rows = clustered(4000, 2);
        NeighbourCells cells = NeighbourIndex.over(rows, new NeighbourIndex.Search(1000, 3)).cells();
        assertTrue(cells.cells() >= NeighbourCells.cellsFor(4000), cells.cells() + " cells");
        int compared = 0;
        for (int q = 0; q < 100; q++) {
            compared += cells.candidates(rows[q]).length;
        }
        // 16 probes of 64 cells: about a quarter of the rows, far fewer than all of them.
        assertTrue(compared / 100.0 < 0.4 * rows.length, "mean rows compared " + compared / 100.0);
    }

    @Test
    void atOrBelowTheLimitItIsTheExactScan() {
        double[][] rows = clustered(600, 4);
        NeighbourIndex exact = NeighbourIndex.over(rows);
        NeighbourIndex limit = NeighbourIndex.over(rows, new NeighbourIndex.Search(600, 7));
        assertEquals("exact", limit.describe());
        for (int q = 0; q < 600; q += 7) {
            assertArrayEquals(exact.search(rows[q], K, q).rows(), limit.search(rows[q], K, q).rows());
        }
    }

    @Test
    void theSameRowsAndSeedGiveTheSameNeighbours() {
        double[][] rows = fingerprints(2500, 5);
        NeighbourIndex a = NeighbourIndex.over(rows, new NeighbourIndex.Search(500, 11));
        NeighbourIndex b = NeighbourIndex.over(rows.clone(), new NeighbourIndex.Search(500, 11));
        for (int q = 0; q < rows.length; q += 13) {
            NeighbourIndex.Found x = a.search(rows[q], K, q);
            NeighbourIndex.Found y = b.search(rows[q], K, q);
            assertArrayEquals(x.rows(), y.rows());
            assertArrayEquals(x.distances(), y.distances());
        }
    }

    @Test
    void fingerprintsDoNotGatherInOneHubCell() {
        double[][] rows = fingerprints(2500, 6);
        NeighbourIndex index = NeighbourIndex.over(rows, new NeighbourIndex.Search(500, 11));
        assertTrue(index.sparse());
        NeighbourCells cells = index.cells();
        double mean = rows.length / (double) cells.cells();
        assertTrue(cells.largestCell() <= 4 * mean, "largest cell " + cells.largestCell() + ", mean " + mean);
    }

    @Test
    void theLimitMustBeAtLeastOneRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Builders.knn().exactUpTo(0));
        assertEquals("knn: exactUpTo must be at least 1 training row, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NeighbourIndex.Search(0, 1));
    }

    @Test
    void anApproximateDomainKeepsTheExactThresholdAndFlags() {
        double[][] rows = clustered(3000, 8);
        double[][] train = java.util.Arrays.copyOf(rows, 2500);
        ApplicabilityDomain exact = ApplicabilityDomain.fit(train);
        ApplicabilityDomain approximate = ApplicabilityDomain.fit(train, new NeighbourIndex.Search(1000, 3));
        assertEquals("exact", exact.describe());
        assertTrue(approximate.describe().startsWith("cells("), approximate.describe());
        assertEquals(exact.threshold(), approximate.threshold(), 0.01 * exact.threshold());
        int agree = 0;
        for (int i = 2500; i < 3000; i++) {
            agree += exact.inside(rows[i]) == approximate.inside(rows[i]) ? 1 : 0;
        }
        assertTrue(agree >= 490, agree + " of 500 flags agree");
    }
}
