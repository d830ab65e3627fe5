package io.qspace.chem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The built-in list of 100 drug-like SMILES (90 sampled from MoleculeACE, MIT licence; 10 hand-picked). */
final class TestMolecules {
    private TestMolecules() {}

    static List<String> drugLike() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TestMolecules.class.getResourceAsStream("drug-like-100.smi"), StandardCharsets.UTF_8))) {
            return r.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
