import io.qspace.Study;
import io.qspace.chem.Descriptors;
import io.qspace.data.Datasets;
import io.qspace.model.Builders;
import io.qspace.model.Model;
import io.qspace.model.ModelBuilder;
import io.qspace.run.Runner;
import io.qspace.run.Runners;
import io.qspace.select.Selectors;
import io.qspace.validate.Validation;
import java.util.Map;

/**
 * A study as a plain Java program with a builder written as a lambda, run by the source launcher:
 * java -cp CLASSPATH LambdaStudy.java DATA.csv STORE [embedded | CLUSTER@HOST:PORT]
 */
public class LambdaStudy {
    /** k nearest training rows by Euclidean distance, their mean activity: a builder written in the program. */
    static ModelBuilder nearest(int k) {
        return ModelBuilder.of("nearest", Map.of("k", k), (x, y, seed) -> (Model) row -> {
            double[] d = new double[x.length];
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < x.length; i++) {
                double s = 0;
                for (int j = 0; j < row.length; j++) s += (x[i][j] - row[j]) * (x[i][j] - row[j]);
                d[i] = s;
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
            double sum = 0;
            for (int i = 0; i < Math.min(k, x.length); i++) sum += y[order[i]];
            return sum / Math.min(k, x.length);
        });
    }

    public static void main(String[] args) {
        Study study = Study.named("lambda-study")
                .datasets(Datasets.csv(args[0]).smiles("smiles").id("id"))
                .descriptors(Descriptors.cdkDefault())
                .selectors(Selectors.topCorrelated(8))
                .builders(nearest(3), Builders.pls().components(2))
                .validation(Validation.kFold(3))
                .store(args[1])
                .seed(42);
        try (Runner runner = Runners.open(args.length > 2 ? args[2] : "embedded")) {
            var results = study.run(runner);
            System.out.println("executed=" + results.executed() + " reused=" + results.reused()
                    + " failed=" + results.failed());
            System.out.println("nearest predicts " + results.best(results.table().stringColumn("dataset").get(0), "nearest")
                    .predict("c1ccccc1O").value());
        }
    }
}
