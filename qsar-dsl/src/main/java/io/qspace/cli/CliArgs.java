package io.qspace.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "--name value" options and the positional arguments left over; unknown options are an error, not ignored. */
record CliArgs(Map<String, String> options, List<String> positional) {

    static CliArgs parse(String[] args, Set<String> known) {
        return parse(args, known, Set.of());
    }

    /** flags are options without a value ("--csv"): present means "true". */
    static CliArgs parse(String[] args, Set<String> known, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (flags.contains(args[i])) {
                    options.put(args[i], "true");
                    continue;
                }
                if (!known.contains(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i] + " (known: " + known
                            + (flags.isEmpty() ? "" : ", flags: " + flags) + ")");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        return new CliArgs(options, positional);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String get(String name) {
        return options.get(name);
    }

    double number(String name) {
        String v = options.get(name);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + v + "'");
        }
    }
}
