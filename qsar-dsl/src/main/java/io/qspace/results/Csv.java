package io.qspace.results;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 rows: the result format both Tablesaw and pandas read without extra code. */
public final class Csv {
    private Csv() {}

    public static String row(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(","));
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
