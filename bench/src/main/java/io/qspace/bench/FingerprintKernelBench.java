package io.qspace.bench;

import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.DatasetSource;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.results.Results;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * What the fingerprint kernels would add to the default model space: on the ECFP4 feature set of MoleculeACE sets
 * with their given split, the default builders plus SVR with the tanimoto kernel and the Gaussian process, in one
 * study per set (5-fold CV, one seed). Reports test RMSE of svr-rbf, svr-tanimoto and gp, the best-by-CV model with
 * and without the two, and the seconds each builder's invocations took.
 *
 * <pre>java ... io.qspace.bench.FingerprintKernelBench DATA_DIR SET[,SET...] SEED OUT.md</pre>
 */
public final class FingerprintKernelBench {
    private FingerprintKernelBench() {}

    static final String TANIMOTO = "svr-tanimoto";

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        List<String> sets = List.of(args[1].split(","));
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        List<ModelBuilder> builders = new ArrayList<>(Builders.defaults());
        builders.add(Builders.svr().kernel("tanimoto").c(1, 10).epsilon(0.1));
        builders.add(Builders.gaussianProcess().noise(0.03, 0.1, 0.3));

        StringBuilder md = new StringBuilder("# Fingerprint kernels on ECFP4 (counts), MoleculeACE given split\n\n")
                .append("Builders: Builders.defaults() + ").append(builders.get(builders.size() - 2)).append(" + ")
                .append(builders.get(builders.size() - 1)).append("; feature set ecfp4 only; 5-fold CV; seed ")
                .append(seed).append(".\n\n")
                .append("| dataset (train/test) | test RMSE svr-rbf | svr-tanimoto | gp | tanimoto / rbf | gp / rbf |")
                .append(" best by CV, defaults | best by CV, with both | s svr-rbf | s svr-tanimoto | s gp |")
                .append(" s all defaults |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<Table> tables = new ArrayList<>();
        for (String set : sets) {
            DatasetSource source = Datasets.csv(data.resolve(set + ".csv").toString()).smiles("smiles")
                    .activity("y [pEC50/pKi]").split("split");
            Path store = ScratchFolder.create("qspace-kernels-");
            long cpu0 = processCpuNanos();
            Results results = Study.named("kernels-" + set).datasets(source).descriptors(Descriptors.ecfp4())
                    .selectors(Selectors.fingerprints("ecfp4")).builders(builders).validation(Validation.kFold(5))
                    .seed(seed).store(store.toString()).run();
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            Table t = results.table();
            // both SVRs are named "svr": tell them apart by the kernel parameter
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.stringColumn("parameters").get(i).contains("kernel=tanimoto")) {
                    t.stringColumn("builder").set(i, TANIMOTO);
                }
            }
            Table ok = t.where(t.stringColumn("status").isEqualTo("ok"));
            tables.add(t);
            double rbf = testRmse(ok, "svr");
            double tanimoto = testRmse(ok, TANIMOTO);
            double gp = testRmse(ok, "gp");
            Table defaults = ok.where(ok.stringColumn("builder").isNotIn(TANIMOTO, "gp"));
            md.append(String.format(Locale.ROOT, "| %s (%d/%d) | %.3f | %.3f | %.3f | **%.2f** | **%.2f** | %s | %s |"
                            + " %.1f | %.1f | %.1f | %.1f |%n", set, ok.intColumn("n_train").get(0),
                    ok.intColumn("n_test").get(0), rbf, tanimoto, gp, tanimoto / rbf, gp / rbf, bestByCv(defaults),
                    bestByCv(ok), seconds(ok, "svr"), seconds(ok, TANIMOTO), seconds(ok, "gp"),
                    defaults.doubleColumn("seconds").sum()));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, md.toString()); // what is measured so far, in case a later set is stopped
            System.err.printf(Locale.ROOT, "%s: process CPU %.0f s%n%s%n", set, cpu,
                    ok.selectColumns("builder", "parameters", "cv_rmse", "test_rmse", "seconds").print());
            ScratchFolder.delete(store); // its table is read; the next set gets its own store
        }
        md.append("\nseconds: wall time inside that builder's build + test invocations (4 slots share the machine).\n");
        for (Table t : tables) {
            md.append("\n```\n").append(t.selectColumns("dataset", "builder", "parameters", "cv_rmse", "test_rmse",
                    "seconds").print()).append("\n```\n");
        }
        Files.writeString(out, md.toString());
        System.out.println(md);
    }

    private static double testRmse(Table ok, String builder) {
        Table rows = ok.where(ok.stringColumn("builder").isEqualTo(builder));
        return rows.rowCount() == 0 ? Double.NaN : rows.doubleColumn("test_rmse").get(0);
    }

    private static double seconds(Table ok, String builder) {
        return ok.where(ok.stringColumn("builder").isEqualTo(builder)).doubleColumn("seconds").sum();
    }

    private static String bestByCv(Table rows) {
        Table best = rows.sortOn("cv_rmse").first(1);
        return String.format(Locale.ROOT, "%s %.3f", best.stringColumn("builder").get(0),
                best.doubleColumn("test_rmse").get(0));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
