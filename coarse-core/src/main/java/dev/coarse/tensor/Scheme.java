package dev.coarse.tensor;

import dev.coarse.naming.Identified;

/** The coarse-graining schemes; ids "trg", "hotrg", "btrg". */
public enum Scheme implements Identified {
    /** Levin–Nave TRG: SVD splits, √2 rescaling per step, O(χ⁶). */
    TRG,
    /** Xie et al.'s higher-order TRG: two tensors merged, legs cut by HOSVD isometries, ×2 per step, O(χ⁷). */
    HOTRG,
    /** Adachi–Okubo–Todo bond-weighted TRG with k = −1/2: TRG with singular-value weights on the bonds, O(χ⁶). */
    BTRG;

    /** The bond-weight exponent of the bond-weighted scheme at its optimum (Adachi et al. 2022). */
    public static final double BOND_WEIGHT_EXPONENT = -0.5;
}
