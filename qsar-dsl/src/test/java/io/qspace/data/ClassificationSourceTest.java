package io.qspace.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qspace.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, point 1: classes from a threshold or a label column, their identity, majority merging, bad inputs. */
class ClassificationSourceTest {
    @TempDir
    Path dir;

    private static final List<String> SMILES = List.of("CCO", "CCN", "CCC", "c1ccccc1", "CC(=O)O", "CCCl", "CCBr",
            "CCCO", "CCCN", "c1ccncc1");

    private Path write(String name, String header, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    /** Ten structures with pKi 4.0, 4.5, ..., 8.5. */
    private Path activities() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            lines.add(SMILES.get(i) + ",c" + i + "," + (4.0 + 0.5 * i));
        }
        return write("ki.csv", "smiles,id,pKi", lines);
    }

    private static Dataset only(DatasetSource.Loaded loaded) {
        assertEquals(List.of(), loaded.skipped(), "nothing skipped");
        assertEquals(1, loaded.datasets().size());
        return loaded.datasets().get(0);
    }

    private static String skippedReason(DatasetSource.Loaded loaded) {
        assertEquals(List.of(), loaded.datasets(), "the dataset is skipped");
        assertEquals(1, loaded.skipped().size());
        return loaded.skipped().get(0).reason();
    }

    @Test
    void aThresholdMakesActiveAndInactiveFromTheActivity() throws IOException {
        Dataset d = only(Datasets.csv(activities().toString()).activity("pKi").activeAtLeast(6.5).minCompounds(1).load());
        assertTrue(d.isClassification());
        assertEquals(List.of("inactive", "active"), d.classes().names());
        assertEquals("pKi >= 6.5", d.classes().rule());
        // pKi 4.0 ... 6.0 inactive (5 compounds), 6.5 ... 8.5 active (5): the threshold itself counts as active
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                d.compounds().stream().map(Compound::activity).toList());
        assertEquals("5 active / 5 inactive", d.classes().balance(d.classes().counts(d.compounds())));
    }

    @Test
    void smilesFilesTakeAThresholdToo() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            lines.add(SMILES.get(i) + " c" + i + " " + (4.0 + 0.5 * i));
        }
        Path smi = write("ki.smi", "smiles name pKi", lines);
        Dataset d = only(Datasets.smiles(smi.toString()).activity("pKi").activeAtLeast(7).minCompounds(1).load());
        assertEquals("pKi >= 7.0", d.classes().rule());
        assertEquals("4 active / 6 inactive", d.classes().balance(d.classes().counts(d.compounds())));
    }

    @Test
    void theThresholdAndTheClassesArePartOfTheDatasetsIdentity() throws IOException {
        String file = activities().toString();
        String regression = Plan.hash(only(Datasets.csv(file).activity("pKi").minCompounds(1).load()));
        String at65 = Plan.hash(only(Datasets.csv(file).activity("pKi").activeAtLeast(6.5).minCompounds(1).load()));
        String at66 = Plan.hash(only(Datasets.csv(file).activity("pKi").activeAtLeast(6.6).minCompounds(1).load()));
        String at7 = Plan.hash(only(Datasets.csv(file).activity("pKi").activeAtLeast(7).minCompounds(1).load()));
        assertNotEquals(regression, at65);
        assertNotEquals(at65, at7);
        // 6.5 and 6.6 give the same classes on these activities, yet are different datasets: the rule is kept
        assertNotEquals(at65, at66);
        assertEquals(at65, Plan.hash(only(Datasets.csv(file).activity("pKi").activeAtLeast(6.5).minCompounds(1)
                .load())), "the same rule on the same file is the same dataset");
    }

    @Test
    void aThresholdOutsideTheActivitiesRangeSkipsTheDatasetSayingWhy() throws IOException {
        String file = activities().toString();
        String above = skippedReason(Datasets.csv(file).activity("pKi").activeAtLeast(9).minCompounds(1).load());
        assertTrue(above.contains("pKi >= 9.0") && above.contains("outside the range") && above.contains("ki.csv")
                && above.contains("4.00 to 8.50") && above.contains("every compound would be inactive"), above);
        String below = skippedReason(Datasets.csv(file).activity("pKi").activeAtLeast(4).minCompounds(1).load());
        assertTrue(below.contains("every compound would be active"), below);
        assertThrows(IllegalArgumentException.class, () -> Datasets.csv(file).activeAtLeast(Double.NaN));
    }

    @Test
    void aLabelColumnWithAKnownPairOrdersItsClasses() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            lines.add(SMILES.get(i) + "," + (i % 3 == 0 ? "Active" : "Inactive"));
        }
        Dataset d = only(Datasets.csv(write("herg.csv", "smiles,hERG_class", lines).toString()).label("hERG_class")
                .minCompounds(1).load());
        assertEquals(List.of("Inactive", "Active"), d.classes().names());
        assertEquals("Active", d.classes().positive());
        assertEquals(1.0, d.compounds().get(0).activity());
        assertEquals(0.0, d.compounds().get(1).activity());
    }

    @Test
    void declaredClassesSkipUnknownLabelsRowByRow() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            lines.add(SMILES.get(i) + "," + (i == 4 ? "blocker?" : i % 2 == 0 ? "blocker" : "non-blocker"));
        }
        Dataset d = only(Datasets.csv(write("herg.csv", "smiles,hERG_class", lines).toString())
                .label("hERG_class", "non-blocker", "blocker").minCompounds(1).load());
        assertEquals(9, d.size());
        LoadIssue unknown = d.issues().stream().filter(i -> i.message().contains("unknown label")).findFirst()
                .orElseThrow(() -> new AssertionError(d.issues().toString()));
        String text = unknown.toString();
        // row 6: the header is row 1, SMILES index 4 is the fifth data row
        assertTrue(text.contains("herg.csv") && text.contains("row 6") && text.contains("'hERG_class'")
                && text.contains("'blocker?'") && text.contains("non-blocker and blocker"), text);
    }

    @Test
    void twoUnknownLabelsMustBeDeclared() throws IOException {
        List<String> lines = SMILES.stream().map(s -> s + "," + (s.length() % 2 == 0 ? "blocker" : "safe")).toList();
        String reason = skippedReason(Datasets.csv(write("herg.csv", "smiles,cls", lines).toString()).label("cls")
                .minCompounds(1).load());
        assertTrue(reason.contains("which of 'blocker' and 'safe'") && reason.contains(".label(\"cls\""), reason);
    }

    @Test
    void aLabelColumnWithOneClassIsSkippedSayingSo() throws IOException {
        List<String> lines = SMILES.stream().map(s -> s + ",active").toList();
        String reason = skippedReason(Datasets.csv(write("one.csv", "smiles,cls", lines).toString()).label("cls")
                .minCompounds(1).load());
        assertTrue(reason.contains("one.csv") && reason.contains("one class only") && reason.contains("'active'"),
                reason);
        // declared classes of which the file holds one
        String declared = skippedReason(Datasets.csv(write("one.csv", "smiles,cls", lines).toString())
                .label("cls", "inactive", "active").minCompounds(1).load());
        assertTrue(declared.contains("no 'inactive' compound") && declared.contains("two classes"), declared);
    }

    @Test
    void moreThanTwoClassesMakeOneDatasetPerClassAgainstTheRestSplitAlike() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            lines.add(SMILES.get(i) + "," + List.of("low", "mid", "high").get(i % 3));
        }
        lines.add("CCOC,huge"); // not a declared class: skipped with an issue naming it
        DatasetSource.Loaded loaded = Datasets.csv(write("three.csv", "smiles,potency", lines).toString())
                .label("potency").minCompounds(1).load();
        assertEquals(List.of(), loaded.skipped());
        // undeclared: alphabetical, with the stray label a class of its own
        assertEquals(List.of("three.high", "three.huge", "three.low", "three.mid"),
                loaded.datasets().stream().map(Dataset::name).toList());

        loaded = Datasets.csv(write("three.csv", "smiles,potency", lines).toString())
                .label("potency", "low", "mid", "high").minCompounds(1).load();
        assertEquals(List.of("three.low", "three.mid", "three.high"),
                loaded.datasets().stream().map(Dataset::name).toList());
        Dataset high = loaded.datasets().get(2);
        assertEquals(List.of("not high", "high"), high.classes().names());
        assertEquals("label potency: high against the rest", high.classes().rule());
        assertEquals(List.of("low", "mid", "high"), high.classes().family().classes());
        // c2, c5, c8 are high: active in high's dataset only
        assertEquals(List.of(0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0),
                high.compounds().stream().map(Compound::activity).toList());
        assertTrue(high.issues().stream().anyMatch(i -> i.message().contains("unknown label 'huge'")),
                high.issues().toString());
        // each dataset its own identity; all three split alike (stratified by the file's classes, not their own two)
        assertEquals(3, loaded.datasets().stream().map(Plan::hash).distinct().count());
        io.qspace.split.Split random = io.qspace.split.Split.random(0.3);
        List<String> masks = loaded.datasets().stream()
                .map(d -> java.util.Arrays.toString(random.testMask(d, 17))).distinct().toList();
        assertEquals(1, masks.size(), masks.toString());

        // a declared class the file does not hold: its dataset is skipped saying so, the others go on
        DatasetSource.Loaded absent = Datasets.csv(write("three.csv", "smiles,potency", lines).toString())
                .label("potency", "low", "mid", "high", "huge", "tiny").minCompounds(1).load();
        assertEquals(List.of("three.low", "three.mid", "three.high", "three.huge"),
                absent.datasets().stream().map(Dataset::name).toList());
        assertEquals(1, absent.skipped().size());
        assertTrue(absent.skipped().get(0).name().equals("three.tiny")
                && absent.skipped().get(0).reason().contains("no 'tiny' compound"), absent.skipped().toString());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.csv("x.csv").label("potency", "low", "mid", "low"));
        assertTrue(e.getMessage().contains("one class twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.csv("x.csv").label("potency", "low"));
        assertTrue(e.getMessage().contains("one class"), e.getMessage());
    }

    @Test
    void aClassAgainstTheRestChangesIdentityWithTheOtherClassesAndNamesNeverCollide() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        List<String> swapped = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            String cls = List.of("low", "mid", "high").get(i % 3);
            lines.add(SMILES.get(i) + "," + cls);
            // low and mid trade places; high stays: its 0/1 labels are the same, its split (stratified by all) is not
            swapped.add(SMILES.get(i) + "," + (cls.equals("low") ? "mid" : cls.equals("mid") ? "low" : cls));
        }
        Dataset high = Datasets.csv(write("three.csv", "smiles,potency", lines).toString()).label("potency")
                .minCompounds(1).load().datasets().get(0);
        Dataset highAgain = Datasets.csv(write("three.csv", "smiles,potency", swapped).toString()).label("potency")
                .minCompounds(1).load().datasets().get(0);
        assertEquals("three.high", high.name());
        assertEquals(high.compounds(), highAgain.compounds());
        assertNotEquals(Plan.hash(high), Plan.hash(highAgain), "a stored split of the old file is not reused");

        // two classes that would be one dataset name: the file is skipped saying which
        List<String> clash = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            clash.add(SMILES.get(i) + "," + List.of("a b", "a_b", "c").get(i % 3));
        }
        String reason = skippedReason(Datasets.csv(write("clash.csv", "smiles,cls", clash).toString()).label("cls")
                .minCompounds(1).load());
        assertTrue(reason.contains("'a b' and 'a_b'") && reason.contains("clash.a_b"), reason);
        // letters of any script are kept: alpha and beta are two datasets
        List<String> greek = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            greek.add(SMILES.get(i) + "," + List.of("\u03b1", "\u03b2", "\u03b3").get(i % 3));
        }
        assertEquals(3, Datasets.csv(write("greek.csv", "smiles,cls", greek).toString()).label("cls")
                .minCompounds(1).load().datasets().stream().map(Dataset::name).distinct().count());
        // a '|' separates the classes of a prediction set: refused in a label and in a declared class
        List<String> piped = new java.util.ArrayList<>();
        for (int i = 0; i < SMILES.size(); i++) {
            piped.add(SMILES.get(i) + "," + List.of("a|b", "c", "d").get(i % 3));
        }
        reason = skippedReason(Datasets.csv(write("piped.csv", "smiles,cls", piped).toString()).label("cls")
                .minCompounds(1).load());
        assertTrue(reason.contains("'a|b'") && reason.contains("rename it"), reason);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.csv("x.csv").label("cls", "a|b", "c", "d"));
        assertTrue(e.getMessage().contains("'|'"), e.getMessage());
    }

    @Test
    void duplicatesAreMergedByTheirMajorityClassAndTiesDropped() throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "CCO,active", "OCC,active", "C(O)C,inactive",   // ethanol three times: 2 active, 1 inactive
                "CCN,active", "NCC,inactive",                   // ethylamine: a tie
                "CCC,inactive", "CCC,inactive"));               // propane: agreeing duplicates
        for (int i = 3; i < SMILES.size(); i++) {
            lines.add(SMILES.get(i) + "," + (i % 2 == 0 ? "active" : "inactive"));
        }
        Dataset d = only(Datasets.csv(write("dups.csv", "smiles,cls", lines).toString()).label("cls")
                .minCompounds(1).load());
        Compound ethanol = d.compounds().stream().filter(c -> c.smiles().equals(Curation.standardise("CCO"))).findFirst().orElseThrow();
        assertEquals(1.0, ethanol.activity(), "two of three rows say active");
        assertTrue(d.compounds().stream().noneMatch(c -> c.smiles().equals(Curation.standardise("CCN"))), "a tie has no majority");
        assertEquals(0.0, d.compounds().stream().filter(c -> c.smiles().equals(Curation.standardise("CCC"))).findFirst().orElseThrow()
                .activity());
        String issues = d.issues().toString();
        assertTrue(issues.contains("disagree (2 active, 1 inactive), merged as the majority active"), issues);
        assertTrue(issues.contains("disagree with no majority (1 active, 1 inactive); compound skipped"), issues);
    }

    @Test
    void aThresholdAndALabelColumnExcludeEachOther() {
        assertThrows(IllegalArgumentException.class, () -> Datasets.csv("x.csv").activeAtLeast(7).label("cls"));
        assertThrows(IllegalArgumentException.class, () -> Datasets.csv("x.csv").label("cls").activeAtLeast(7));
    }
}
