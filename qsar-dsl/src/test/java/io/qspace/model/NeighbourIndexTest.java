package io.qspace.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.chem.DescriptorMatrix;
import io.qspace.chem.Descriptors;
import io.qspace.validate.ApplicabilityDomain;
import io.qspace.validate.GridSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shared neighbour index returns exactly the neighbours of a brute-force scan (ties to the earlier row), and kNN
 * and the applicability domain built on it give the numbers the brute-force versions gave, digit for digit, on the
 * shipped sample sets (ECFP4 counts: the sparse screen; CDK descriptors: the dense scan).
 */
class NeighbourIndexTest {

    @Test
    void sparseCountsWithDuplicatesGiveTheBruteForceNeighboursTiesToTheEarlierRow() {
        double[][] rows = Synthetic.counts(400, 256, 20, 3);
        // Duplicated rows make exact ties at every distance, zero included.
        for (int i = 0; i < 60; i++) {
            rows[100 + i] = rows[i].clone();
        }
        NeighbourIndex index = NeighbourIndex.over(rows);
        assertTrue(index.sparse(), "fingerprint-like rows take the sparse screen");
        assertSameAsBruteForce(rows, index);
    }

    @Test
    void denseRowsGiveTheBruteForceNeighbours() {
        double[][] rows = Synthetic.uniform(300, 12, 5);
        for (int i = 0; i < 20; i++) {
            rows[200 + i] = rows[i].clone();
        }
        NeighbourIndex index = NeighbourIndex.over(rows);
        assertFalse(index.sparse(), "descriptor-like rows are scanned densely");
        assertSameAsBruteForce(rows, index);
    }

    @Test
    void knnOnEveryKOfAGridMatchesBruteForceOnTheSampleSets() throws IOException {
        for (String file : List.of("sutherland_BZR.csv", "freewilson_CHEMBL2321810.csv")) {
            Sample s = sample(file);
            for (double[][] x : List.of(s.ecfp, s.descriptors)) {
                int cut = x.length * 4 / 5;
                double[][] train = Arrays.copyOfRange(x, 0, cut);
                double[] y = Arrays.copyOfRange(s.activity, 0, cut);
                double[][] test = Arrays.copyOfRange(x, cut, x.length);
                for (int k : new int[] {3, 5, 9}) {
                    Model model = Builders.knn().k(k).fit(train, y, 1);
                    Standardiser scaler = Standardiser.fit(train);
                    double[][] z = scaler.apply(train);
                    for (double[] q : test) {
                        assertEquals(bruteForceKnn(z, y, scaler.apply(q), k), model.predict(q), 0.0,
                                file + " k=" + k);
                    }
                }
                // Cross-validating the grid reads every k off one search per query: same CV RMSE as one k alone.
                GridSearch.Result grid = GridSearch.best(Builders.knn().k(3, 5, 9), train, y, 5, 11);
                for (GridSearch.Point point : grid.points()) {
                    double alone = GridSearch.best(point.builder(), train, y, 5, 11).cv().rmse();
                    assertEquals(alone, point.cv().rmse(), 0.0, file + " " + point.builder());
                }
            }
        }
    }

    @Test
    void applicabilityDomainMatchesBruteForceOnTheSampleSets() throws IOException {
        for (String file : List.of("sutherland_BZR.csv", "freewilson_CHEMBL2321810.csv")) {
            Sample s = sample(file);
            for (double[][] x : List.of(s.ecfp, s.descriptors)) {
                int cut = x.length * 4 / 5;
                double[][] train = Arrays.copyOfRange(x, 0, cut);
                ApplicabilityDomain domain = ApplicabilityDomain.fit(train);
                BruteForceDomain reference = new BruteForceDomain(train);
                assertEquals(reference.threshold, domain.threshold(), 0.0, file);
                for (int i = cut; i < x.length; i++) {
                    assertEquals(reference.score(x[i]), domain.score(x[i]), 0.0, file + " row " + i);
                }
            }
        }
    }


    private static void assertSameAsBruteForce(double[][] rows, NeighbourIndex index) {
        SplittableRandom random = new SplittableRandom(9);
        for (int q = 0; q < rows.length; q += 7) {
            for (int k : new int[] {1, 5, 16}) {
                double[] query = rows[q];
                int skip = random.nextBoolean() ? q : -1;
                NeighbourIndex.Found found = index.search(query, k, skip);
                double[] expected = new double[k];
                int[] expectedRows = bruteForce(rows, query, k, skip, expected);
                assertArrayEquals(expectedRows, found.rows(), "query " + q + " k " + k);
                assertArrayEquals(expected, found.distances(), 0.0, "query " + q + " k " + k);
            }
        }
    }

    /** The scan kNN used before the index: every row, ties to the earlier row. */
    static int[] bruteForce(double[][] rows, double[] query, int k, int skip, double[] distancesOut) {
        record Pair(int row, double d) {}
        List<Pair> all = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (i == skip) {
                continue;
            }
            double s = 0;
            for (int j = 0; j < query.length; j++) {
                double d = rows[i][j] - query[j];
                s += d * d;
            }
            all.add(new Pair(i, s));
        }
        all.sort((a, b) -> a.d != b.d ? Double.compare(a.d, b.d) : Integer.compare(a.row, b.row));
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = all.get(j).row;
            distancesOut[j] = Math.sqrt(all.get(j).d);
        }
        return out;
    }

    private static double bruteForceKnn(double[][] z, double[] y, double[] query, int k) {
        double[] distance = new double[k];
        int[] nearest = bruteForce(z, query, k, -1, distance);
        double exactSum = 0;
        int exact = 0;
        for (int j = 0; j < k; j++) {
            if (distance[j] == 0) {
                exactSum += y[nearest[j]];
                exact++;
            }
        }
        if (exact > 0) {
            return exactSum / exact;
        }
        double weighted = 0;
        double weights = 0;
        for (int j = 0; j < k; j++) {
            double w = 1.0 / distance[j];
            weighted += w * y[nearest[j]];
            weights += w;
        }
        return weighted / weights;
    }

    /** The applicability domain as it was computed before the index (mean distance to the 5 nearest). */
    private static final class BruteForceDomain {
        final double[] mean;
        final double[] scale;
        final double[][] rows;
        final double threshold;

        BruteForceDomain(double[][] x) {
            int n = x.length;
            int p = x[0].length;
            mean = new double[p];
            scale = new double[p];
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    mean[j] += row[j] / n;
                }
            }
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
                }
            }
            for (int j = 0; j < p; j++) {
                scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
            }
            rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = standardise(x[i]);
            }
            double[] training = new double[n];
            for (int i = 0; i < n; i++) {
                training[i] = meanDistance(rows[i], i);
            }
            Arrays.sort(training);
            double position = 0.95 * (n - 1);
            int lower = (int) Math.floor(position);
            int upper = Math.min(lower + 1, n - 1);
            threshold = training[lower] + (position - lower) * (training[upper] - training[lower]);
        }

        double score(double[] x) {
            return meanDistance(standardise(x), -1);
        }

        private double[] standardise(double[] x) {
            double[] z = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                z[j] = (x[j] - mean[j]) / scale[j];
            }
            return z;
        }

        private double meanDistance(double[] z, int skip) {
            double[] d = new double[ApplicabilityDomain.NEIGHBOURS];
            bruteForce(rows, z, d.length, skip, d);
            double sum = 0;
            for (double v : d) {
                sum += v;
            }
            return sum / d.length;
        }
    }

    private record Sample(double[][] ecfp, double[][] descriptors, double[] activity) {}

    private static Sample sample(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "datasets-sample", file));
        List<String> header = List.of(lines.get(0).split(","));
        int smilesColumn = header.indexOf("smiles");
        int activityColumn = header.size() - 1;
        List<String> smiles = new ArrayList<>();
        List<Double> activity = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            smiles.add(f[smilesColumn]);
            activity.add(Double.parseDouble(f[activityColumn]));
        }
        double[][] ecfp = Descriptors.ecfp(4, 2048, true).calculate(smiles, null).values();
        DescriptorMatrix d = Descriptors.cdkDefault().calculate(smiles.size() > 200 ? smiles.subList(0, 300) : smiles,
                null);
        double[][] descriptors = d.values();
        for (double[] row : descriptors) {
            for (int j = 0; j < row.length; j++) {
                if (Double.isNaN(row[j])) {
                    row[j] = 0;
                }
            }
        }
        double[] y = activity.stream().mapToDouble(Double::doubleValue).toArray();
        return new Sample(ecfp, descriptors, y);
    }
}
