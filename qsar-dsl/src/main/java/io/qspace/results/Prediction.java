package io.qspace.results;

/**
 * A predicted activity for one structure, with its applicability-domain score (mean distance to the nearest training
 * compounds in descriptor space) and whether that lies inside the model's domain. error is non-empty when the
 * structure could not be read; value is then NaN.
 */
public record Prediction(String smiles, double value, double domainScore, boolean inDomain, String error) {
    public boolean ok() {
        return error == null || error.isEmpty();
    }
}
