package io.qspace.data;

import io.qspace.store.ContentHash;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A label column with more than two classes, modelled one class against the rest: the file's curated compounds
 * become one binary dataset per class, {@code <file>.<class>}, whose active class is that class and whose inactive
 * class is {@code not <class>}. Each keeps the file's classes and every compound's class, so all of them are split
 * alike (stratified by the file's classes, seeded by the family) and the results can put the per-class models back
 * together: a predicted class, its probabilities and its prediction sets ({@code Results.multiClass(file)}).
 *
 * @param file     the file's dataset name (its stem), which the family's datasets share
 * @param classes  the file's classes in code order
 * @param codes    each compound's class in the file, in the datasets' compound order
 * @param identity a content hash of the file's curated compounds and their classes: what seeds the family's split
 */
public record OneVsRest(String file, List<String> classes, List<Integer> codes, String identity)
        implements Serializable {
    public OneVsRest {
        classes = List.copyOf(classes);
        codes = List.copyOf(codes);
    }

    /** The name of one class's dataset: {@code potency.high} (spaces and punctuation other than - become _). */
    public String datasetName(String positive) {
        return file + "." + positive.replaceAll("[^\\p{L}\\p{N}_\\-]", "_");
    }

    /** The inactive class of one class's dataset: "not high". */
    public static String rest(String positive) {
        return "not " + positive;
    }

    /** The class of compound i in the file (the split's stratum). */
    public int code(int i) {
        return codes.get(i);
    }

    /**
     * One binary dataset per class of a curated multi-class file, in class order; each with the file's issues.
     *
     * @param classes the file's classes (more than two), each compound's activity holding its class code
     */
    static List<Dataset> expand(String name, String source, List<Compound> compounds, List<LoadIssue> issues,
                                Classes classes) throws SkipFile {
        List<Integer> codes = compounds.stream().map(c -> (int) c.activity()).toList();
        StringBuilder text = new StringBuilder(name).append('\n').append(classes.describe()).append('\n');
        for (Compound c : compounds) {
            text.append(c.id()).append('\t').append(c.smiles()).append('\t').append((int) c.activity()).append('\t')
                    .append(c.givenSplit()).append('\n');
        }
        OneVsRest family = new OneVsRest(name, classes.names(), codes,
                ContentHash.of(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        java.util.Map<String, String> classOfName = new java.util.HashMap<>();
        for (String c : classes.names()) {
            String other = classOfName.putIfAbsent(family.datasetName(c), c);
            if (other != null) {
                throw new SkipFile("classes '" + other + "' and '" + c + "' of " + source + " would both be dataset "
                        + family.datasetName(c) + ": rename one in the label column");
            }
        }
        List<Dataset> out = new ArrayList<>(classes.names().size());
        for (int k = 0; k < classes.names().size(); k++) {
            String positive = classes.name(k);
            List<Compound> binary = new ArrayList<>(compounds.size());
            for (Compound c : compounds) {
                binary.add(new Compound(c.id(), c.smiles(), (int) c.activity() == k ? 1 : 0, c.givenSplit(),
                        c.sourceRow()));
            }
            out.add(new Dataset(family.datasetName(positive), source, binary, issues,
                    new Classes(List.of(rest(positive), positive), classes.rule() + ": " + positive + " against the rest",
                            family)));
        }
        return out;
    }
}
