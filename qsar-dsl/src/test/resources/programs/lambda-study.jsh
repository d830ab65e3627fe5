// The LambdaStudy.java program as a JShell script (qspace run [--grid CLUSTER@HOST:PORT] lambda-study.jsh):
// -Dstudy.data=DATA.csv -Dstudy.store=STORE name the input and the store.
ModelBuilder nearest(int k) {
    return ModelBuilder.of("nearest", java.util.Map.of("k", k), (x, y, seed) -> (Model) row -> {
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

var study = Study.named("lambda-study")
        .datasets(Datasets.csv(System.getProperty("study.data")).smiles("smiles").id("id"))
        .descriptors(Descriptors.cdkDefault())
        .selectors(Selectors.topCorrelated(8))
        .builders(nearest(3), Builders.pls().components(2))
        .validation(Validation.kFold(3))
        .store(System.getProperty("study.store"))
        .seed(42);
var results = study.run();
System.out.println("executed=" + results.executed() + " reused=" + results.reused() + " failed=" + results.failed());
System.out.println("nearest predicts " + results.best(results.table().stringColumn("dataset").get(0), "nearest")
        .predict("c1ccccc1O").value());
