package io.qspace.bench;

import io.qspace.Study;
import io.qspace.data.DatasetSource;
import io.qspace.model.Params;
import io.qspace.plan.ConsensusTask;
import io.qspace.results.Results;
import io.qspace.results.StoredModel;
import io.qspace.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * qspace's side of the honest-selection benchmark (bench/HONEST_SELECTION.md): one space's study on one
 * MoleculeACE-shaped CSV with its split, in one selection mode, timed in process CPU seconds from entering main to the
 * last test metric (JIT and all: one dataset per JVM). Writes the chosen model (best by CV RMSE), its test predictions
 * and the CPU time as JSON; bench/python/honest.py compares it with the peer.
 *
 * The space "descriptors" is {@link Study#descriptorSpace()} with {@code .consensus()} (chosen when its nested CV beats
 * the best single model's CV), the default study's space until session 12; "fingerprints" is
 * {@link Study#fingerprintSpace()} with {@link Study#consensusOfAll()}, what a regression naming no space ran in
 * sessions 14-16 ("fingerprints-gp", its Gaussian processes alone, in sessions 17-18);
 * "fingerprints-ap2d" {@link Study#fingerprintSpaceAp2d()} (the same until session 14); "fingerprints-morgan" the
 * default with RDKit's Morgan environments of radius 2 and 3 ({@code Descriptors.morgan}) for CDK's ECFP4 and ECFP6;
 * "fingerprints-rdkit" that and RDKit's feature Morgan ({@code Descriptors.featureMorgan(2, 2048)}) for CDK's FCFP4;
 * any followed by "-paths": two more views, topological torsions and linear paths ({@code Study.plusPathViews()};
 * "fingerprints-paths-gp" is the default of a regression since session 19); then by "-gp": the mean of its Gaussian
 * processes only (one per view, the same builds as the whole
 * space's); then by "-cvnoise": their noise chosen by CV from 0.01, 0.03, 0.1 and 0.3 of the activities' variance
 * (the default's until session 18, now fixed at 0.1); then by "-training", "-loo" or "-kriging": with that prior
 * mean for its Gaussian processes
 * ({@code GaussianProcessBuilder.priorMean}). Besides the
 * chosen model's CV, its {@code selection_cv_rmse} is written ({@link Results#selectionCv()}: the CV of the choice).
 *
 * <pre>java ... io.qspace.bench.HonestSelectionBench CSV NAME SEED inside-folds|before-cv [descriptors[-repeatedN]|fingerprints[-ap2d|-morgan|-rdkit][-paths][-gp][-cvnoise][-training|-loo|-kriging]] OUT.json</pre>
 */
public final class HonestSelectionBench {
    private HonestSelectionBench() {}

    /** The space with this prior mean for its Gaussian processes instead of the training mean. */
    static Study priorMean(Study space, String mean) {
        return withGaussianProcesses(space, gp -> gp.priorMean(mean));
    }

    /** The space with its Gaussian processes' noise chosen by CV, as the default's was until session 18. */
    static Study noiseByCv(Study space) {
        return withGaussianProcesses(space, gp -> gp.noise(0.01, 0.03, 0.1, 0.3));
    }

    /** The space with each of its Gaussian processes changed so, its other builders as they are. */
    private static Study withGaussianProcesses(Study space,
            java.util.function.UnaryOperator<io.qspace.model.GaussianProcessBuilder> change) {
        return space.builders(space.builders().stream().map(b -> b instanceof io.qspace.model.GaussianProcessBuilder gp
                ? (io.qspace.model.ModelBuilder) change.apply(gp) : b).toList());
    }

    /** "descriptors", or "descriptors-repeated3": the same space with 3 x 5-fold CV (both selection modes). */
    private static final java.util.regex.Pattern REPEATED_DESCRIPTORS = java.util.regex.Pattern.compile(
            "descriptors(?:-repeated([2-9]))?");

    private static final java.util.regex.Pattern FINGERPRINT_SPACES = java.util.regex.Pattern.compile(
            "fingerprints(-ap2d|-morgan|-rdkit)?(-paths)?(-gp)?(-cvnoise)?(?:-(training|loo|kriging))?");

    /** The space a name above stands for, its chosen model the mean of its models unless "descriptors". */
    static Study space(Study study, String space) {
        java.util.regex.Matcher repeated = REPEATED_DESCRIPTORS.matcher(space);
        if (repeated.matches()) {
            Study descriptors = study.descriptorSpace().consensus();
            return repeated.group(1) == null ? descriptors
                    : descriptors.validation(study.validation().repeated(Integer.parseInt(repeated.group(1))));
        }
        java.util.regex.Matcher m = FINGERPRINT_SPACES.matcher(space);
        if (!m.matches()) {
            throw new IllegalArgumentException("space '" + space
                    + "': expected descriptors[-repeated2..9] or fingerprints[-ap2d|-morgan|-rdkit][-paths][-gp][-cvnoise]"
                    + "[-training|-loo|-kriging]");
        }
        Study fingerprints = "-ap2d".equals(m.group(1)) ? study.fingerprintSpaceAp2d() : study.fingerprintSpace();
        if ("-morgan".equals(m.group(1))) {
            // RDKit's Morgan environments (MorganFingerprint) for CDK's ECFP4 and ECFP6
            fingerprints = morganViews(fingerprints, io.qspace.chem.Descriptors.fcfp4(), "fcfp4");
        } else if ("-rdkit".equals(m.group(1))) {
            // and RDKit's feature Morgan for CDK's FCFP4: the four views as RDKit computes them
            fingerprints = morganViews(fingerprints, io.qspace.chem.Descriptors.featureMorgan(2, 2048), "fmorgan2");
        }
        if (m.group(2) != null) {
            fingerprints = fingerprints.plusPathViews();
        }
        if (m.group(3) != null) {
            fingerprints = gaussianProcessesOnly(fingerprints);
        }
        if (m.group(4) != null) {
            fingerprints = noiseByCv(fingerprints);
        }
        return (m.group(5) != null ? priorMean(fingerprints, m.group(5)) : fingerprints).consensusOfAll();
    }

    /** The space with its Gaussian processes only (one per view; the same builds as the whole space's). */
    static Study gaussianProcessesOnly(Study space) {
        return space.builders(space.builders().stream()
                .filter(b -> b instanceof io.qspace.model.GaussianProcessBuilder).toList());
    }

    /** The default space with Morgan radius 2 and 3 for its ECFP4 and ECFP6, this functional view, and its atom pairs. */
    private static Study morganViews(Study fingerprints, io.qspace.chem.DescriptorSet functional, String functionalBlock) {
        return fingerprints.descriptors(io.qspace.chem.Descriptors.morgan(2, 2048).plus(functional)
                        .plus(io.qspace.chem.Descriptors.morgan(3, 2048))
                        .plus(io.qspace.chem.Descriptors.atomPairFingerprint()))
                .selectors(io.qspace.select.Selectors.fingerprints("morgan2"),
                        io.qspace.select.Selectors.fingerprints(functionalBlock),
                        io.qspace.select.Selectors.fingerprints("morgan3"),
                        io.qspace.select.Selectors.fingerprints("ap"));
    }

    public static void main(String[] args) throws Exception {
        long cpu0 = ModelSpaceBench.processCpuNanos();
        if (args.length != 5 && args.length != 6) {
            throw new IllegalArgumentException("usage: HonestSelectionBench CSV NAME SEED inside-folds|before-cv "
                    + "[descriptors[-repeatedN]|fingerprints[-ap2d|-morgan|-rdkit][-paths][-gp][-cvnoise]"
                    + "[-training|-loo|-kriging]] OUT.json");
        }
        String space = args.length == 6 ? args[4] : "descriptors";
        Path csv = Path.of(args[0]);
        String name = args[1];
        long seed = Long.parseLong(args[2]);
        String selection = args[3];
        Path out = Path.of(args[args.length - 1]);
        DatasetSource source = MoleculeAceStudy.source(csv);

        // kept after the JVM exits (not a ScratchFolder): bench/consensus-spaces.sh measures more spaces on it
        Path store = java.nio.file.Files.createTempDirectory("qspace-honest-");
        // descriptors: the descriptor space (the default study's before the fingerprint space became the default),
        // where selection inside or before the folds differs, with the consensus of the top 3, 5 or 10 by CV as one
        // more candidate; fingerprints: what a study naming no space runs. The best single model is reported too.
        Study study = Study.named("honest-" + name).datasets(source).validation(validation(selection)).seed(seed)
                .store(store.toString());
        study = space(study, space);
        Results results = MoleculeAceStudy.run(study);
        Table ok = MoleculeAceStudy.ok(results);
        StoredModel chosen = MoleculeAceStudy.best(results);
        Table predictions = results.testPredictions(chosen);
        double cpuSeconds = (ModelSpaceBench.processCpuNanos() - cpu0) / 1e9;

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("selection", selection);
        row.put("validation", study.validation().describe());
        row.put("n_train", ok.intColumn("n_train").get(0));
        row.put("n_test", ok.intColumn("n_test").get(0));
        row.put("cpu_seconds", cpuSeconds);
        row.put("store", store.toString()); // kept: bench/consensus-spaces.sh measures more candidate spaces on it
        row.put("models_fitted", (long) ok.intColumn("fits").sum());
        row.put("failed_invocations", results.failed());
        row.put("space", space);
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("feature_set", chosen.provenance().featureSet());
        best.put("builder", chosen.provenance().builder());
        best.put("params", chosen.provenance().parameters());
        best.put("cv_rmse", chosen.provenance().cvRmse());
        best.put("test_rmse", chosen.provenance().testRmse());
        best.put("selection_cv_rmse", results.selectionCv().doubleColumn("selection_cv_rmse").get(0));
        row.put("best", best);
        Table singles = ok.where(ok.stringColumn("builder").isNotEqualTo(ConsensusTask.BUILDER));
        row.put("single", ModelSpaceBench.best(singles, null));
        Table consensus = ok.where(ok.stringColumn("builder").isEqualTo(ConsensusTask.BUILDER));
        if (consensus.rowCount() > 0) {
            Map<String, Object> c = ModelSpaceBench.best(consensus, null);
            c.put("plain_cv_rmse", Params.parse(ConsensusTask.BUILDER, (String) c.get("params"))
                    .getDouble("plain_cv_rmse"));
            row.put("consensus", c);
        }
        List<Object> smiles = new ArrayList<>();
        List<Object> predicted = new ArrayList<>();
        for (int i = 0; i < predictions.rowCount(); i++) {
            smiles.add(predictions.stringColumn("smiles").get(i));
            predicted.add(((Number) predictions.column("predicted").get(i)).doubleValue());
        }
        row.put("test_smiles", smiles);
        row.put("test_pred", predicted);
        ModelSpaceBench.write(out, row);
    }

    /** The default 5-fold validation in the named selection mode ("inside-folds" or "before-cv"). */
    private static Validation validation(String selection) {
        for (Validation v : List.of(Validation.kFold(5), Validation.kFold(5).selectionBeforeCv())) {
            if (v.selection().label().equals(selection)) {
                return v;
            }
        }
        throw new IllegalArgumentException("selection '" + selection + "': expected inside-folds or before-cv");
    }
}
