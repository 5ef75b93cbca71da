package dev.coarse.data;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import java.io.IOException;

/**
 * The value checks a reader applies before it hands out an ensemble, so that a file of the right shape but the
 * wrong values (0/1 bits where ±1 spins belong, Potts labels outside [0, q), a dimer configuration that is not a
 * covering, non-finite fields, random bytes) is refused instead of giving wrong physics.
 */
final class EnsembleValues {

    private EnsembleValues() {
    }

    /**
     * Checks every configuration's values against its degrees of freedom and, for the dimer model, that each
     * site is covered exactly once.
     *
     * @param where the file and dataset, for the message
     * @throws IOException one line naming the first bad configuration and value; for 0/1 values where spins
     *                     belong, how to convert them
     */
    static void check(String where, EnsembleMeta meta, Lattice lattice, Configurations data) throws IOException {
        DegreesOfFreedom dof = data.degreesOfFreedom();
        if (data instanceof DiscreteConfigurations discrete && dof.values() == DegreesOfFreedom.Values.SPIN
                && looksLikeBits(discrete.values())) {
            throw new IOException(where + " holds 0/1 values where ±1 spins belong: convert them with s = 2·b − 1 "
                    + "before writing (numpy: 2 * a.astype('int8') - 1), or read the file with --encoding 01");
        }
        try {
            data.validateValues();
            if (data instanceof DiscreteConfigurations discrete && DimerModel.NAME.equals(meta.model())
                    && dof.equals(DegreesOfFreedom.bondOccupations()) && lattice.dimension() == 2) {
                DimerModel dimers = DimerModel.free(lattice);
                byte[][] values = discrete.values();
                for (int s = 0; s < values.length; s++) {
                    try {
                        dimers.validate(values[s]);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("configuration " + s + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage() + " (the file is damaged or does not hold "
                    + dof + ")", e);
        }
    }

    /** Whether every value is 0 or 1 and at least one is 0: bits written where spins belong. */
    static boolean looksLikeBits(byte[][] values) {
        boolean zero = false;
        for (byte[] configuration : values) {
            for (byte v : configuration) {
                if (v == 0) {
                    zero = true;
                } else if (v != 1) {
                    return false;
                }
            }
        }
        return zero;
    }

    /**
     * Converts 0/1 bits to ±1 spins in place (s = 2b − 1), for a file read with an explicit 0/1 encoding.
     *
     * @throws IOException if a value is neither 0 nor 1
     */
    static void bitsToSpins(String where, byte[][] values) throws IOException {
        for (int s = 0; s < values.length; s++) {
            byte[] configuration = values[s];
            for (int i = 0; i < configuration.length; i++) {
                byte v = configuration[i];
                if (v != 0 && v != 1) {
                    throw new IOException(where + ": configuration " + s + ": value " + v + " at index " + i
                            + " is not a bit (0 or 1), as --encoding 01 says");
                }
                configuration[i] = (byte) (2 * v - 1);
            }
        }
    }
}
