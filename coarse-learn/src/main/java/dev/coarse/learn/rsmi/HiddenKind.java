package dev.coarse.learn.rsmi;

import dev.coarse.naming.Identified;

/**
 * What the hidden variables H = Λ(V) of an RSMI filter are, and how training relaxes them (Jang, Gu &amp; Poole 2017;
 * Maddison, Mnih &amp; Teh 2017). With logits z = ΛV (n<sub>h</sub> of them) and temperature τ:
 * <ul>
 *   <li>{@link #BINARY}: n<sub>h</sub> spins h<sub>j</sub> = sign(z<sub>j</sub>); relaxed as the binary concrete
 *       variable in ±1 form, h<sub>j</sub> = tanh((z<sub>j</sub> + ℓ<sub>j</sub>)/(2τ)) with logistic noise
 *       ℓ = ln u − ln(1−u), u uniform, which tends to a spin that is +1 with probability σ(z<sub>j</sub>) as
 *       τ → 0;</li>
 *   <li>{@link #CATEGORICAL}: one label h = argmax<sub>j</sub> z<sub>j</sub> among n<sub>h</sub> states, shown to the
 *       critic as a one-hot vector; relaxed as softmax((z + g)/τ) with Gumbel noise g = −ln(−ln u).</li>
 * </ul>
 */
public enum HiddenKind implements Identified {
    BINARY,
    CATEGORICAL;

    /**
     * The kind with this short name (binary, categorical).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static HiddenKind ofId(String id) {
        return Identified.byId(HiddenKind.class, "hidden kind", id);
    }
}
