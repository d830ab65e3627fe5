package io.qspace.chem;

/** The hashing of qspace's own fingerprints ({@link HashedCountFingerprint}). */
final class FingerprintHash {
    private FingerprintHash() {}

    /** MurmurHash3's 32-bit finaliser: nearby codes spread over all columns. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Boost's hash_combine on 32 bits, the value mixed first. */
    static int combine(int seed, int value) {
        return seed ^ (mix(value) + 0x9e3779b9 + (seed << 6) + (seed >>> 2));
    }

    /** The column of a hashed code among {@code bits}. */
    static int column(int code, int bits) {
        return (int) (Integer.toUnsignedLong(code) % bits);
    }
}
