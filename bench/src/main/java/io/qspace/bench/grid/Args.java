package io.qspace.bench.grid;

import java.util.Arrays;
import java.util.List;

/** "--name value" command-line options with defaults. */
final class Args {
    private final List<String> args;

    Args(String[] args) {
        this.args = Arrays.asList(args);
    }

    String text(String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }
}
