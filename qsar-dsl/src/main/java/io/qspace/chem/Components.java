package io.qspace.chem;

import java.util.List;

/**
 * Descriptor components by their stable spec string, so a {@link DescriptorSet} holds only strings (serializable,
 * hashable) and builds fresh, unshared instances wherever it runs. Specs: "cdk:ALOGPDescriptor", "chi", "counts",
 * "ecfp:4:2048:counts" (or ":bits"), "fcfp:4:2048:counts", "morgan:2:2048" (or ":features"), "atompairs", "ap:2048",
 * "paths:7:2048", "tt:2048", "maccs".
 */
final class Components {
    private Components() {}

    static MoleculeDescriptor create(String spec) {
        String[] p = spec.split(":");
        return switch (p[0]) {
            case "cdk" -> new CdkDescriptor(p[1]);
            case "chi" -> new KierHallChi();
            case "counts" -> new MoleculeCounts();
            case "ecfp" -> new CircularFingerprint(Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3].equals("counts"));
            case "fcfp" -> new CircularFingerprint(Integer.parseInt(p[1]), Integer.parseInt(p[2]), p[3].equals("counts"),
                    true);
            case "morgan" -> new MorganFingerprint(Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    p.length > 3 && p[3].equals("features"));
            case "atompairs" -> new AtomPairs();
            case "ap" -> new AtomPairFingerprint(Integer.parseInt(p[1]));
            case "paths" -> new PathFingerprint(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            case "tt" -> new TopologicalTorsionFingerprint(Integer.parseInt(p[1]));
            case "maccs" -> new MaccsKeys();
            case "test-sleep" -> new SleepForTest(Long.parseLong(p[1]));
            default -> throw new IllegalArgumentException("unknown descriptor component " + spec);
        };
    }

    static MoleculeDescriptor[] createAll(List<String> specs) {
        MoleculeDescriptor[] parts = new MoleculeDescriptor[specs.size()];
        for (int i = 0; i < parts.length; i++) parts[i] = create(specs.get(i));
        return parts;
    }

    /**
     * Test hook for the time limit: sleeps the given milliseconds on molecules with more than 20 heavy atoms, then
     * gives their heavy-atom count. Package-private: reachable from tests only.
     */
    static final class SleepForTest implements MoleculeDescriptor {
        private final long millis;

        SleepForTest(long millis) { this.millis = millis; }

        @Override public String name() { return "SleepForTest"; }

        @Override public String[] columns() { return new String[]{"SleepForTest.heavyAtoms"}; }

        @Override
        public String compute(org.openscience.cdk.interfaces.IAtomContainer mol, double[] out, int offset)
                throws InterruptedException {
            int heavy = 0;
            for (var a : mol.atoms()) if (a.getAtomicNumber() > 1) heavy++;
            if (heavy > 20) {
                long until = System.nanoTime() + millis * 1_000_000;
                // Busy and deaf to interrupts, like a CDK class stuck in a search.
                while (System.nanoTime() < until) Thread.onSpinWait();
            }
            out[offset] = heavy;
            return null;
        }
    }
}
