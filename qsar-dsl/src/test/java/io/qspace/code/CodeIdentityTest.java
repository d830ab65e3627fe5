package io.qspace.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.SampleData;
import io.qspace.Study;
import io.qspace.model.Builders;
import io.qspace.model.ModelBuilder;
import io.qspace.plan.CodeIdentity;
import io.qspace.results.Results;
import io.qspace.select.FeatureSet;
import io.qspace.select.SelectionContext;
import io.qspace.select.Selector;
import io.qspace.select.Selectors;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity sees code: a selector or builder written outside qspace (compiled at run time, as a notebook or script
 * does) is identified by its class files, so editing it re-runs exactly its subtree and running unchanged executes
 * nothing; qspace's own components by their {@link Version}.
 */
class CodeIdentityTest {
    @TempDir
    Path dir;

    /** The user's selector: the k columns with the largest variance, or, edited, the smallest. */
    static String selector(String order) {
        return """
                package example;
                import io.qspace.select.*;
                import java.util.*;
                public class SpreadSelector implements Selector {
                    public String name() { return "spread"; }
                    public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext c, long seed) {
                        Integer[] order = new Integer[candidates.length];
                        double[] v = new double[candidates.length];
                        for (int j = 0; j < candidates.length; j++) {
                            order[j] = j;
                            double m = 0, s = 0;
                            for (double[] r : x) m += r[j] / x.length;
                            for (double[] r : x) s += (r[j] - m) * (r[j] - m);
                            v[j] = s;
                        }
                        Arrays.sort(order, (a, b) -> Double.compare(%s, %s));
                        int[] cols = new int[Math.min(5, order.length)];
                        List<String> names = new ArrayList<>();
                        for (int i = 0; i < cols.length; i++) { cols[i] = candidates[order[i]]; names.add(c.names().get(cols[i])); }
                        return new FeatureSet(name(), cols, names);
                    }
                }
                """.formatted(order.equals("largest") ? "v[b]" : "v[a]", order.equals("largest") ? "v[a]" : "v[b]");
    }

    static String builder(double shift) {
        return """
                package example;
                import io.qspace.model.*;
                import java.util.*;
                public class MeanPlus implements Fitter {
                    public Model fit(double[][] x, double[] y, long seed) {
                        double m = Arrays.stream(y).average().orElse(0) + %s;
                        return row -> m;
                    }
                }
                """.formatted(shift);
    }

    /** Compiles the sources into a folder of their own and loads them through a child loader, as a kernel would. */
    ClassLoader compile(String name, String... sources) throws Exception {
        Path src = Files.createDirectories(dir.resolve(name).resolve("src/example"));
        Path out = Files.createDirectories(dir.resolve(name).resolve("classes"));
        String[] args = new String[sources.length + 4];
        args[0] = "-d";
        args[1] = out.toString();
        args[2] = "-cp";
        args[3] = System.getProperty("java.class.path");
        for (int i = 0; i < sources.length; i++) {
            String cls = sources[i].contains("class SpreadSelector") ? "SpreadSelector" : "MeanPlus";
            Path file = src.resolve(cls + ".java");
            Files.writeString(file, sources[i]);
            args[4 + i] = file.toString();
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args));
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
    }

    static Selector newSelector(ClassLoader loader) throws Exception {
        return (Selector) loader.loadClass("example.SpreadSelector").getConstructor().newInstance();
    }

    static ModelBuilder newBuilder(ClassLoader loader) throws Exception {
        return ModelBuilder.of("mean-plus", (io.qspace.model.Fitter) loader.loadClass("example.MeanPlus")
                .getConstructor().newInstance());
    }

    Study study(Selector selector, ModelBuilder builder) {
        return SampleData.quickStudy("code-identity", dir.resolve("store"))
                .selectors(selector, Selectors.topCorrelated(5))
                .builders(builder, Builders.pls().components(2));
    }

    @Test
    void sameCodeSameIdentityEditedCodeAnotherAndBuiltInsByVersion() throws Exception {
        ClassLoader a = compile("a", selector("largest"));
        ClassLoader b = compile("b", selector("largest"));
        ClassLoader c = compile("c", selector("smallest"));
        assertTrue(RuntimeClasses.definedAtRunTime(newSelector(a).getClass()));
        assertEquals(CodeIdentity.of(newSelector(a)), CodeIdentity.of(newSelector(b)), "same bytes, same identity");
        assertNotEquals(CodeIdentity.of(newSelector(a)), CodeIdentity.of(newSelector(c)), "edited code");
        assertTrue(CodeIdentity.of(newSelector(a)).startsWith("code:"), CodeIdentity.of(newSelector(a)));
        assertEquals("builtin", CodeIdentity.of(Selectors.topCorrelated(5)));
        assertEquals("Revised@3", CodeIdentity.of(new Revised()));
    }

    @Test
    void aBuildersParametersPrintInTheSameOrderInEveryJvm() {
        // Map.of's iteration order is salted per JVM; the printed builder is part of its invocations' identity
        ModelBuilder b = ModelBuilder.of("b", java.util.Map.of("z", 1, "a", 2, "m", 3), (x, y, seed) -> row -> 0);
        assertEquals("b(a=2, m=3, z=1)", b.toString());
    }

    @Version(3)
    static final class Revised implements Selector {
        @Override
        public String name() {
            return "revised";
        }

        @Override
        public FeatureSet select(double[][] x, double[] y, int[] candidates, SelectionContext context, long seed) {
            return new FeatureSet(name(), Arrays.copyOf(candidates, 1), context.names().subList(0, 1));
        }
    }

    @Test
    void editingASelectorReRunsItsPrepareAndEditingABuilderOnlyItsBuilds() throws Exception {
        ClassLoader v1 = compile("v1", selector("largest"), builder(0.0));
        Results first = study(newSelector(v1), newBuilder(v1)).run();
        // 1 prepare + 2 feature sets x 2 builders x (build + test)
        assertEquals(9, first.executed(), first.table().print());
        assertEquals(0, first.failed(), first.failures().print());

        ClassLoader same = compile("same", selector("largest"), builder(0.0));
        Results unchanged = study(newSelector(same), newBuilder(same)).run();
        assertEquals(0, unchanged.executed(), "the same code compiled again is the same code");

        ClassLoader editedBuilder = compile("builder", selector("largest"), builder(0.5));
        Results builderRun = study(newSelector(editedBuilder), newBuilder(editedBuilder)).run();
        assertEquals(4, builderRun.executed(), "the edited builder's build + test on 2 feature sets, nothing else");

        ClassLoader editedSelector = compile("selector", selector("smallest"), builder(0.5));
        Results selectorRun = study(newSelector(editedSelector), newBuilder(editedSelector)).run();
        assertEquals(9, selectorRun.executed(), "the dataset's prepare step and everything under it");
        assertNotEquals(first.table().where(first.table().stringColumn("feature_set").isEqualTo("spread"))
                        .stringColumn("invocation").get(0),
                selectorRun.table().where(selectorRun.table().stringColumn("feature_set").isEqualTo("spread"))
                        .stringColumn("invocation").get(0));
    }
}
