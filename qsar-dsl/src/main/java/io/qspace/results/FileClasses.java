package io.qspace.results;

import io.qspace.data.Classes;
import io.qspace.data.Dataset;
import io.qspace.data.OneVsRest;
import io.qspace.store.ObjectStore;
import io.qspace.store.Serialization;
import io.qspace.store.StoreKeys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.Table;

/**
 * The classes of one file of three or more classes found in a results table (a study's, or the model library's of
 * every study), per version of the file: each class's first row in the table, which is its best when the table is
 * sorted by the metric that chose the models. One reader for {@link MultiClassResults} and {@link ModelLibrary}.
 *
 * @param family  the file's classes in this version
 * @param rows    per class name, the table's first row of that class's dataset
 * @param studies the studies those rows come from (empty for a table of one study, which has no study column)
 */
record FileClasses(OneVsRest family, Map<String, Integer> rows, Set<String> studies) {

    /** Every version of {@code file} with a row in the table, by family identity, in the table's order. */
    static Map<String, FileClasses> in(ObjectStore store, Table table, String file) {
        Map<String, Classes> classesOfHash = new HashMap<>(); // one read per stored dataset
        Map<String, FileClasses> versions = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (!table.stringColumn("status").get(i).equals(ResultColumn.OK)
                    || !table.stringColumn("dataset").get(i).startsWith(file + ".")) {
                continue;
            }
            Classes classes = classesOfHash.computeIfAbsent(table.stringColumn("dataset_hash").get(i),
                    hash -> Serialization.read(store, StoreKeys.dataset(hash), Dataset.class).classes());
            OneVsRest family = classes == null ? null : classes.family();
            if (family == null || !family.file().equals(file)) {
                continue; // another file's dataset of the same name, or a binary or regression one
            }
            FileClasses version = versions.computeIfAbsent(family.identity(),
                    id -> new FileClasses(family, new HashMap<>(), new TreeSet<>()));
            version.rows().putIfAbsent(classes.positive(), i);
            if (table.containsColumn("study")) {
                version.studies().add(table.stringColumn("study").get(i));
            }
        }
        return versions;
    }

    /** Whether every class of the file has a row. */
    boolean complete() {
        return rows.keySet().containsAll(family.classes());
    }

    /** The datasets of the classes without a row. */
    List<String> missing() {
        return family.classes().stream().filter(c -> !rows.containsKey(c)).map(family::datasetName).toList();
    }
}
