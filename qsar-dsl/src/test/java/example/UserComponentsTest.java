package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.Plugins;
import io.qspace.SampleData;
import io.qspace.Study;
import io.qspace.chem.DescriptorSet;
import io.qspace.chem.Descriptors;
import io.qspace.model.Builders;
import io.qspace.plan.CodeIdentity;
import io.qspace.results.Results;
import io.qspace.select.Filters;
import io.qspace.select.Selector;
import io.qspace.select.Selectors;
import io.qspace.split.Split;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscience.cdk.interfaces.IAtom;
import tech.tablesaw.api.Table;

/**
 * Descriptor sets, filters, selectors and splits written outside qspace (here: in a package of the user's, as a
 * notebook, script or plug-in jar would) run like the built-in ones and are identified by their code.
 */
class UserComponentsTest {
    @TempDir
    Path store;

    static DescriptorSet atoms() {
        return Descriptors.of("atoms", List.of("heavy", "hetero", "aromatic", "rings"), mol -> {
            double heavy = 0, hetero = 0, aromatic = 0;
            for (IAtom a : mol.atoms()) {
                if (a.getAtomicNumber() > 1) heavy++;
                if (a.getAtomicNumber() != 6 && a.getAtomicNumber() > 1) hetero++;
                if (a.isAromatic()) aromatic++;
            }
            return new double[] {heavy, hetero, aromatic, mol.getBondCount() - mol.getAtomCount() + 1};
        });
    }

    static Selector spread() {
        return Selectors.of("spread", (x, y, seed) -> {
            Integer[] order = new Integer[x[0].length];
            double[] variance = new double[order.length];
            for (int j = 0; j < order.length; j++) {
                order[j] = j;
                double mean = 0;
                for (double[] row : x) mean += row[j] / x.length;
                for (double[] row : x) variance[j] += (row[j] - mean) * (row[j] - mean);
            }
            Arrays.sort(order, (a, b) -> Double.compare(variance[b], variance[a]));
            return new int[] {order[0], order[1]};
        });
    }

    @Test
    void userComponentsRunInAStudy() {
        Split everyFifth = Split.of("every-fifth", (dataset, seed) -> {
            boolean[] test = new boolean[dataset.size()];
            for (int i = 0; i < test.length; i++) test[i] = i % 5 == 0;
            return test;
        });
        Filters noAromatic = Filters.of("standard-without-aromatic", (x, context) -> Arrays.stream(
                Filters.standard().keep(x, context)).filter(c -> !context.names().get(c).equals("aromatic")).toArray());
        Study study = Study.named("user-components")
                .datasets(SampleData.bzr())
                .split(everyFifth)
                .descriptors(atoms())
                .filters(noAromatic)
                .selectors(spread(), Plugins.selector("first3"))
                .builders(Builders.mlr())
                .validation(io.qspace.validate.Validation.kFold(3))
                .store(store.toString())
                .seed(3);
        Results results = study.run();
        Table t = results.table();
        assertEquals(0, results.failed(), results.failures().print());
        assertEquals(Set.of("spread", "first3"), Set.copyOf(t.stringColumn("feature_set").asList()));
        assertTrue(t.stringColumn("status").allMatch("ok"::equals), t.print());
        int compounds = t.intColumn("n_train").get(0) + t.intColumn("n_test").get(0);
        assertEquals((compounds + 4) / 5, t.intColumn("n_test").get(0), "every fifth compound is in the test part");
        Table spreadRow = t.where(t.stringColumn("feature_set").isEqualTo("spread"));
        assertEquals(2, spreadRow.intColumn("n_features").get(0));
        // the filter took "aromatic" out before the plug-in's selector saw the columns: it kept three of three
        assertEquals(3, t.where(t.stringColumn("feature_set").isEqualTo("first3")).intColumn("n_features").get(0));
        assertEquals(0, study.run().executed(), "unchanged user code: everything found again");
    }

    @Test
    void userComponentsAreIdentifiedByTheirCode() {
        assertTrue(CodeIdentity.of(atoms()).startsWith("code:"), CodeIdentity.of(atoms()));
        assertEquals(CodeIdentity.of(atoms()), CodeIdentity.of(atoms()));
        assertNotEquals(CodeIdentity.of(spread()), CodeIdentity.of(Plugins.selector("first3")),
                "two selectors, two pieces of code");
        assertEquals("builtin", CodeIdentity.of(Descriptors.cdkDefault(), Selectors.stepwise(), Filters.standard()));
    }

    @Test
    void anUnknownPluginComponentSaysWhatIsOffered() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plugins.selector("nope"));
        assertTrue(e.getMessage().contains("first3 (test-plugin)"), e.getMessage());
    }
}
