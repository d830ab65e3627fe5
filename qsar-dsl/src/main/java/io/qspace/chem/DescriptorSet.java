package io.qspace.chem;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * A configuration of descriptors and fingerprints to compute for molecules. Plain data: it is hashed (through
 * {@link #describe()}) to key stored descriptor matrices, so equal configurations reuse each other's work.
 */
public interface DescriptorSet extends Serializable {
    /**
     * Computes all values for the given SMILES. Molecules are spread over the pool; a descriptor that throws or runs
     * past its time limit on one molecule gives NaN plus a recorded failure, never an exception.
     */
    DescriptorMatrix calculate(List<String> smiles, ExecutorService pool);

    /** Printable, stable description with every parameter, e.g. "cdk-default+ecfp4(2048,counts)". */
    String describe();

    /** Both sets, side by side: this one's columns first. */
    default DescriptorSet plus(DescriptorSet other) {
        return Descriptors.combine(this, other);
    }
}
