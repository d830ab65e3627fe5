package io.qspace.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.select.FeatureSet;
import io.qspace.select.SelectionContext;
import io.qspace.select.Selector;
import io.qspace.validate.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A fold's selector sees that fold's training rows and nothing else. */
class FoldSelectionTest {
    private static final int ROWS = 23;
    private static final long CV_SEED = 77;

    /** Notes the row numbers (column 0 holds each row's number) of every call, and chooses both columns. */
    static final class RecordingSelector implements Selector {
        final List<Set<Integer>> seen = new ArrayList<>();
        final List<Integer> activities = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
            seen.add(Arrays.stream(x).map(row -> (int) row[0]).collect(Collectors.toSet()));
            activities.add(y.length);
            return new FeatureSet(name(), candidates.clone(), Arrays.stream(candidates)
                    .mapToObj(context.names()::get).toList());
        }
    }

    private static double[][] rows() {
        double[][] x = new double[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            x[i] = new double[] {i, Math.sin(i)};
        }
        return x;
    }

    private static FoldFeatures[] run(double[][] x, Selector selector, Validation validation) {
        return run(x, IntStream.range(0, ROWS).mapToDouble(i -> i * 0.1).toArray(), selector, validation);
    }

    private static FoldFeatures[] run(double[][] x, double[] y, Selector selector, Validation validation) {
        return FoldSelection.run(x, y, new int[] {0, 1}, new SelectionContext(List.of("row", "sine"), Map.of()),
                List.of(selector), new long[] {5}, List.of("recording"), validation, CV_SEED,
                new TaskContext(null, null, 0, () -> false));
    }

    @Test
    void noSelectorSeesAHeldOutRowOfItsFold() {
        RecordingSelector recording = new RecordingSelector();
        Validation validation = Validation.kFold(4).repeated(2);
        run(rows(), recording, validation);
        assertEquals(8, recording.seen.size(), "one selection per repeat and fold");
        for (int r = 0; r < 2; r++) {
            int[] fold = validation.foldsOf(ROWS, CV_SEED, r);
            for (int f = 0; f < 4; f++) {
                int held = f;
                Set<Integer> training = IntStream.range(0, ROWS).filter(i -> fold[i] != held).boxed()
                        .collect(Collectors.toSet());
                Set<Integer> seen = recording.seen.get(r * 4 + f);
                for (int i = 0; i < ROWS; i++) {
                    if (fold[i] == f) {
                        assertFalse(seen.contains(i), "repeat " + r + " fold " + f + " saw its held-out row " + i);
                    }
                }
                assertEquals(training, seen, "repeat " + r + " fold " + f + " sees exactly its training rows");
                assertEquals(training.size(), recording.activities.get(r * 4 + f));
            }
        }
    }

    /** Issue 12: with classes, the folds are stratified and a fold's selector still sees only its training rows. */
    @Test
    void aClassificationsSelectorSeesOnlyTheTrainingRowsOfItsStratifiedFold() {
        RecordingSelector recording = new RecordingSelector();
        double[] classes = IntStream.range(0, ROWS).mapToDouble(i -> i % 4 == 0 ? 1 : 0).toArray();
        Validation validation = Validation.kFold(3).forKind(io.qspace.validate.ModelKind.CLASSIFICATION, "toy");
        run(rows(), classes, recording, validation);
        int[] fold = validation.foldsOf(classes, CV_SEED, 0);
        assertEquals(3, recording.seen.size());
        for (int f = 0; f < 3; f++) {
            int held = f;
            Set<Integer> training = IntStream.range(0, ROWS).filter(i -> fold[i] != held).boxed()
                    .collect(Collectors.toSet());
            assertEquals(training, recording.seen.get(f), "fold " + f + " sees exactly its training rows");
            long heldActives = IntStream.range(0, ROWS).filter(i -> fold[i] == held && classes[i] == 1).count();
            assertTrue(heldActives == 2, "6 actives over 3 stratified folds: fold " + f + " holds " + heldActives);
        }
    }

    @Test
    void foldValuesCoverEveryRowAndFillGapsWithTheFoldsTrainingMedian() {
        double[][] x = rows();
        x[3][1] = Double.NaN;
        Validation validation = Validation.kFold(3);
        FoldFeatures folds = run(x, new RecordingSelector(), validation)[0];
        int[] fold = validation.foldsOf(ROWS, CV_SEED, 0);
        for (int f = 0; f < 3; f++) {
            double[][] values = folds.inputs(validation).x(0, f);
            assertEquals(ROWS, values.length, "held-out rows are there to be predicted");
            int held = f;
            double[] training = IntStream.range(0, ROWS).filter(i -> fold[i] != held && i != 3)
                    .mapToDouble(i -> x[i][1]).sorted().toArray();
            int m = training.length / 2;
            double median = training.length % 2 == 1 ? training[m] : (training[m - 1] + training[m]) / 2;
            assertEquals(median, values[3][1], 1e-12, "fold " + f + " fills the gap with its own training median");
            assertArrayEquals(new int[] {0, 1}, folds.columns(0, f));
        }
    }

    @Test
    void foldsMadeForOtherFoldsAreRefused() {
        FoldFeatures folds = run(rows(), new RecordingSelector(), Validation.kFold(3))[0];
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> folds.inputs(Validation.kFold(5)));
        assertTrue(e.getMessage().contains("3 folds"), e.getMessage());
    }
}
