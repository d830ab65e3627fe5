package io.qspace.run;

/**
 * Opens a runner from an address, found through {@link java.util.ServiceLoader}: the grid module provides one for
 * cluster addresses ("lab@10.0.0.5:5701"), so the command line and plain programs reach a grid without compiling
 * against it.
 */
public interface RunnerProvider {
    /** What the runner is, for messages: "grid". */
    String kind();

    /** A runner connected to the address; the caller closes it. */
    Runner open(String address);
}
