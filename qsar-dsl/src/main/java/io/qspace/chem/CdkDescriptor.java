package io.qspace.chem;

import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.qsar.DescriptorValue;
import org.openscience.cdk.qsar.IMolecularDescriptor;
import org.openscience.cdk.qsar.result.BooleanResult;
import org.openscience.cdk.qsar.result.DoubleArrayResult;
import org.openscience.cdk.qsar.result.DoubleResult;
import org.openscience.cdk.qsar.result.IDescriptorResult;
import org.openscience.cdk.qsar.result.IntegerArrayResult;
import org.openscience.cdk.qsar.result.IntegerResult;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

import java.util.Arrays;

/** One CDK molecular descriptor class, by simple name (e.g. "ALOGPDescriptor"), as a {@link MoleculeDescriptor}. */
final class CdkDescriptor implements MoleculeDescriptor {
    static final String PACKAGE = "org.openscience.cdk.qsar.descriptors.molecular.";

    private final String name;
    private final IMolecularDescriptor descriptor;
    private final String[] columns;

    /**
     * Held while a CDK descriptor is made and its names read: some CDK 2.12 constructors write static state. The
     * KierHallSmartsDescriptor constructor rebuilds a static names array in place (a new empty array, then filled), so
     * another slot making it at that moment read names still null ("khs.null" columns, and a stored model whose
     * columns no descriptor set computes); TPSADescriptor's first constructor publishes its static table of
     * contributions before filling it, and a slot made meanwhile could calculate from a part of it. Under this lock a
     * slot's descriptor is whole before it is used.
     */
    private static final Object MAKING = new Object();

    CdkDescriptor(String className) {
        name = shortName(className);
        String[] names;
        synchronized (MAKING) {
            try {
                descriptor = (IMolecularDescriptor) Class.forName(PACKAGE + className).getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("not a CDK molecular descriptor: " + className, e);
            }
            descriptor.initialise(SilentChemObjectBuilder.getInstance());
            names = descriptor.getDescriptorNames().clone();
        }
        columns = new String[names.length];
        for (int i = 0; i < names.length; i++) columns[i] = name + "." + names[i];
    }

    /** "ALOGPDescriptor" -> "ALOGP"; "AutocorrelationDescriptorMass" -> "AutocorrelationMass". */
    static String shortName(String className) {
        return className.replace("Descriptor", "");
    }

    @Override public String name() { return name; }

    @Override public String[] columns() { return columns.clone(); }

    @Override
    public String compute(IAtomContainer molecule, double[] out, int offset) {
        DescriptorValue value = descriptor.calculate(molecule);
        int written = copy(value.getValue(), out, offset, columns.length);
        if (written < columns.length) Arrays.fill(out, offset + written, offset + columns.length, Double.NaN);
        if (value.getException() != null) {
            // CDK reports failures inside the value; its values are NaN (or placeholders) then.
            Arrays.fill(out, offset, offset + columns.length, Double.NaN);
            return String.valueOf(value.getException().getMessage());
        }
        if (written < columns.length) return "CDK returned " + written + " of " + columns.length + " values";
        return null;
    }

    private static int copy(IDescriptorResult result, double[] out, int offset, int max) {
        if (result instanceof DoubleResult r) { out[offset] = r.doubleValue(); return 1; }
        if (result instanceof IntegerResult r) { out[offset] = r.intValue(); return 1; }
        if (result instanceof BooleanResult r) { out[offset] = r.booleanValue() ? 1 : 0; return 1; }
        if (result instanceof DoubleArrayResult r) {
            int n = Math.min(max, r.length());
            for (int i = 0; i < n; i++) out[offset + i] = r.get(i);
            return n;
        }
        if (result instanceof IntegerArrayResult r) {
            int n = Math.min(max, r.length());
            for (int i = 0; i < n; i++) out[offset + i] = r.get(i);
            return n;
        }
        return 0;
    }
}
