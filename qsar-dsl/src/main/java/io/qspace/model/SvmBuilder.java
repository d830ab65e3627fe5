package io.qspace.model;

import io.qspace.model.loss.PlattScaling;
import java.util.List;
import smile.base.svm.KernelMachine;
import smile.base.svm.LASVM;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.MercerKernel;

/**
 * Support vector classification (Smile's SVM) with an RBF kernel, or the tanimoto (MinMax) kernel on fingerprint
 * counts: the classifier counterpart of svr, with the same kernel, gamma and scaling choices. Its decision values
 * become probabilities by Platt scaling fitted on out-of-fold decision values of {@link #PLATT_FOLDS} inner folds of
 * the training rows (as libsvm's probability estimates), then the SVM is refitted on all of them.
 * Exact fits only: no Nystrom approximation for classification yet. Class weights ({@link #classWeight}, "auto"
 * unless set) give each class its own C (Smile's LASVM takes C for each class).
 */
public final class SvmBuilder extends KernelMachineBuilder<SvmBuilder> {
    private static final long serialVersionUID = 1L;
    private static final double TOLERANCE = 1e-3;
    static final int PLATT_FOLDS = 3;

    SvmBuilder() {
        this(ParamGrid.of("C", 1.0, 10.0).and("gamma", "scale").and("scaling", "auto").and("classWeight", "auto"));
    }

    private SvmBuilder(ParamGrid grid) {
        super("svm", grid);
    }

    /**
     * An svr's kernel, gamma, scaling, C and class weight grid as a classifier (epsilon and the approximation have no
     * part); class weights "auto" unless the svr set them.
     */
    static SvmBuilder from(ParamGrid svr) {
        ParamGrid grid = ParamGrid.none();
        for (String key : List.of("C", "gamma", "scaling", "kernel", "classWeight")) {
            if (svr.has(key)) {
                grid = grid.and(key, svr.values(key).toArray());
            }
        }
        return new SvmBuilder(grid.has("classWeight") ? grid : grid.and("classWeight", "auto"));
    }

    @Override
    protected GridBuilder create(ParamGrid grid) {
        return new SvmBuilder(grid);
    }

    @Override
    public ModelBuilder classifier() {
        return this;
    }

    @Override
    protected Model fitPoint(double[][] x, double[] y, long seed, Params p) {
        // Out-of-fold decision values for Platt's sigmoid: stratified inner folds, dealt from the seed.
        int[] fold = io.qspace.split.Folds.stratified(y, PLATT_FOLDS, Seeds.derive(seed, 7));
        double[] scores = new double[y.length];
        for (int f = 0; f < PLATT_FOLDS; f++) {
            int held = 0;
            for (int v : fold) if (v == f) held++;
            double[][] trainX = new double[y.length - held][];
            double[] trainY = new double[y.length - held];
            for (int i = 0, t = 0; i < y.length; i++) {
                if (fold[i] != f) {
                    trainX[t] = x[i];
                    trainY[t++] = y[i];
                }
            }
            Model scorer = decisionFunction(trainX, trainY, p, Seeds.derive(seed, f));
            for (int i = 0; i < y.length; i++) {
                if (fold[i] == f) scores[i] = scorer.predict(x[i]);
            }
        }
        return new Calibrated(decisionFunction(x, y, p, seed), PlattScaling.fit(scores, y));
    }

    /** The SVM's decision value on one training set (positive: class 1); one class only gives a constant. */
    private Model decisionFunction(double[][] x, double[] y, Params p, long seed) {
        int[] labels = new int[y.length];
        boolean both = false;
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i] == 1 ? 1 : -1;
            both |= labels[i] != labels[0];
        }
        if (!both) {
            double constant = labels[0];
            return row -> constant;
        }
        double c = p.getDouble("C");
        double[] weight = ClassWeights.perClass(p.has("classWeight") ? p.getString("classWeight") : "none", y);
        double cActive = weight == null ? c : c * weight[1];
        double cInactive = weight == null ? c : c * weight[0];
        // Smile's SVM visits the rows in an order drawn from its thread's random stream: seed it, or the model
        // would depend on which thread (slot) fitted it.
        smile.math.MathEx.setSeed(seed);
        KernelRows kernel = KernelRows.of(p, x);
        if (kernel.tanimoto()) {
            return new CountsScore(fit(CountVector.of(name(), x), labels, MinMaxKernel.INSTANCE, cActive, cInactive));
        }
        if (kernel.sparseCounts()) {
            return new CountsScore(fit(CountVector.of(name(), x), labels, new SparseGaussianKernel(kernel.sigma()),
                    cActive, cInactive));
        }
        return new DenseScore(kernel.scaler(), fit(kernel.scaled(x), labels, new GaussianKernel(kernel.sigma()),
                cActive, cInactive));
    }

    /** Smile's LASVM, one pass as its SVM.fit makes, with C for the labels +1 and -1. */
    private static <T> KernelMachine<T> fit(T[] x, int[] labels, MercerKernel<T> kernel, double cActive,
            double cInactive) {
        return new LASVM<>(kernel, cActive, cInactive, TOLERANCE).fit(x, labels, 1);
    }

    record CountsScore(KernelMachine<CountVector> svm) implements Model {
        @Override
        public double predict(double[] x) {
            return svm.score(CountVector.of(x));
        }
    }

    record DenseScore(Standardiser scaler, KernelMachine<double[]> svm) implements Model {
        @Override
        public double predict(double[] x) {
            return svm.score(scaler == null ? x : scaler.apply(x));
        }
    }

    /** The probability of class 1: Platt's sigmoid of the decision value. */
    record Calibrated(Model score, PlattScaling platt) implements Model {
        @Override
        public double predict(double[] x) {
            return platt.probability(score.predict(x));
        }
    }
}
