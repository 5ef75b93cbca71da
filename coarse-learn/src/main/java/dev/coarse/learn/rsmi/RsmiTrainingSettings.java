package dev.coarse.learn.rsmi;

import dev.coarse.learn.mi.Critic;
import dev.coarse.learn.mi.MiBound;
import dev.coarse.learn.mi.Mlp;
import dev.coarse.learn.mi.SeparableCritic;
import java.util.Objects;

/**
 * How an RSMI filter is trained ({@link RsmiTrainer}).
 *
 * @param blockSize             b, side of the visible block V
 * @param buffer                L<sub>B</sub> ≥ 0, the buffer between V and E
 * @param environment           L<sub>E</sub> ≥ 1, the width of the environment shell E
 * @param hidden                n<sub>h</sub>: binary hidden spins, or states of the one categorical variable (≥ 2)
 * @param kind                  binary or categorical hidden variables
 * @param bound                 the MI bound maximised and reported
 * @param critic                scores (H, E) pairs; H enters as n<sub>h</sub> numbers (±1 or one-hot)
 * @param batchSize             K, pairs per Adam step and per held-out scoring batch (InfoNCE ≤ ln K)
 * @param epochs                passes over the training pairs, ≥ 1
 * @param learningRate          Adam's step size, &gt; 0
 * @param initialTemperature    τ of the relaxation at the first step, &gt; 0
 * @param finalTemperature      τ at the last step, in (0, initialTemperature]; τ falls geometrically per step
 * @param pairsPerConfiguration (V, E) pairs drawn per configuration (distinct blocks of the b-tiling; at most
 *                              all of them), ≥ 1
 * @param heldOutFraction       share of the configurations (not of the pairs) held out to report the bound, in
 *                              (0, 1): every pair of a configuration is on one side, so the held-out estimate is not
 *                              fed by the training configurations
 * @param initialGain           g<sub>j</sub> of every filter row at the start, &gt; 0 (logits g Λ·V/‖Λ‖): 2 let the
 *                              2×2 Ising filter align fastest, 6 let the two dimer filters find both field components
 * @param seed                  fixes the split, the blocks drawn, the initial weights, the shuffles and the noise
 */
public record RsmiTrainingSettings(int blockSize, int buffer, int environment, int hidden, HiddenKind kind,
        MiBound bound, Critic critic, int batchSize, int epochs, double learningRate, double initialTemperature,
        double finalTemperature, int pairsPerConfiguration, double heldOutFraction, double initialGain, long seed) {

    /**
     * The default critic of (H, E): separable, one hidden layer of 32 ELU units, embedding 8. H is one or a few
     * numbers; a larger critic (2×64, embedding 32) learnt the same Ising filter more slowly and over-fitted E, its
     * held-out bound falling in later epochs (docs/rsmi.md).
     */
    public static final Critic DEFAULT_CRITIC = separableCritic(32, 1, 8);
    public static final int DEFAULT_BATCH = 500;
    public static final int DEFAULT_EPOCHS = 30;
    public static final double DEFAULT_LEARNING_RATE = 5e-3;
    public static final double DEFAULT_INITIAL_TEMPERATURE = 1.0;
    public static final double DEFAULT_FINAL_TEMPERATURE = 0.1;
    public static final int DEFAULT_PAIRS = 4;
    public static final double DEFAULT_HELD_OUT = 0.2;
    public static final double DEFAULT_GAIN = 2;

    public RsmiTrainingSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(critic, "critic");
        if (blockSize < 1 || buffer < 0 || environment < 1) {
            throw new IllegalArgumentException("need block >= 1, buffer >= 0, env >= 1; got " + blockSize + ", "
                    + buffer + ", " + environment);
        }
        if (hidden < (kind == HiddenKind.CATEGORICAL ? 2 : 1)) {
            throw new IllegalArgumentException(kind.id() + " hidden variables need hidden >= "
                    + (kind == HiddenKind.CATEGORICAL ? 2 : 1) + ", got " + hidden);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (!(initialTemperature > 0) || Double.isInfinite(initialTemperature)
                || !(finalTemperature > 0 && finalTemperature <= initialTemperature)) {
            throw new IllegalArgumentException("temperatures must satisfy 0 < final <= initial < inf, got "
                    + initialTemperature + " -> " + finalTemperature);
        }
        if (pairsPerConfiguration < 1) {
            throw new IllegalArgumentException("pairs per configuration must be at least 1, got "
                    + pairsPerConfiguration);
        }
        if (!(initialGain > 0) || Double.isInfinite(initialGain)) {
            throw new IllegalArgumentException("initial gain must be finite and > 0, got " + initialGain);
        }
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + heldOutFraction);
        }
    }

    /**
     * The defaults for a geometry: binary hidden spins, InfoNCE, the default critic, K = 500, 30 epochs, η = 5·10⁻³,
     * τ from 1 to 0.1, 4 pairs per configuration, 20% of the configurations held out, gain 2.
     */
    public static RsmiTrainingSettings defaults(int blockSize, int buffer, int environment, int hidden, long seed) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, HiddenKind.BINARY, MiBound.INFONCE,
                DEFAULT_CRITIC, DEFAULT_BATCH, DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, DEFAULT_INITIAL_TEMPERATURE,
                DEFAULT_FINAL_TEMPERATURE, DEFAULT_PAIRS, DEFAULT_HELD_OUT, DEFAULT_GAIN, seed);
    }

    public RsmiTrainingSettings withTraining(int batch, int epochCount, double eta) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, kind, bound, critic, batch, epochCount,
                eta, initialTemperature, finalTemperature, pairsPerConfiguration, heldOutFraction, initialGain, seed);
    }

    public RsmiTrainingSettings withBound(MiBound b) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, kind, b, critic, batchSize, epochs,
                learningRate, initialTemperature, finalTemperature, pairsPerConfiguration, heldOutFraction, initialGain, seed);
    }

    public RsmiTrainingSettings withKind(HiddenKind k) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, k, bound, critic, batchSize, epochs,
                learningRate, initialTemperature, finalTemperature, pairsPerConfiguration, heldOutFraction, initialGain, seed);
    }

    public RsmiTrainingSettings withCritic(Critic c) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, kind, bound, c, batchSize, epochs,
                learningRate, initialTemperature, finalTemperature, pairsPerConfiguration, heldOutFraction, initialGain, seed);
    }

    public RsmiTrainingSettings withTemperatures(double initial, double last) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, kind, bound, critic, batchSize, epochs,
                learningRate, initial, last, pairsPerConfiguration, heldOutFraction, initialGain, seed);
    }

    public RsmiTrainingSettings withPairs(int perConfiguration, double heldOut) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, kind, bound, critic, batchSize, epochs,
                learningRate, initialTemperature, finalTemperature, perConfiguration, heldOut, initialGain, seed);
    }

    public RsmiTrainingSettings withGain(double g) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, kind, bound, critic, batchSize, epochs,
                learningRate, initialTemperature, finalTemperature, pairsPerConfiguration, heldOutFraction, g, seed);
    }

    public RsmiTrainingSettings withSeed(long s) {
        return new RsmiTrainingSettings(blockSize, buffer, environment, hidden, kind, bound, critic, batchSize, epochs,
                learningRate, initialTemperature, finalTemperature, pairsPerConfiguration, heldOutFraction, initialGain, s);
    }

    /** A smaller critic: {@code depth} layers of {@code width} units (ELU), embedding {@code embedding}. */
    public static Critic separableCritic(int width, int depth, int embedding) {
        return new SeparableCritic(Mlp.of(width, depth, Mlp.DEFAULT_ACTIVATION), embedding);
    }
}
