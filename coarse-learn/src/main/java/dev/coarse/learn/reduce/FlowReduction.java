package dev.coarse.learn.reduce;

import dev.coarse.learn.rgflow.ImageSet;
import dev.coarse.learn.rgflow.Preprocessing;
import dev.coarse.learn.rgflow.Prior;
import dev.coarse.learn.rgflow.RgFlowProgress;
import dev.coarse.learn.rgflow.RgFlowScales;
import dev.coarse.learn.rgflow.RgFlowSettings;
import dev.coarse.learn.rgflow.RgFlowTrainer;
import dev.coarse.learn.rgflow.TrainedRgFlow;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.MeanEstimator;
import dev.coarse.study.RuleFlowAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code coarse reduce --method rgflow}: a hierarchical RG-Flow ({@link dev.coarse.learn.rgflow}) trained on the
 * data — or one trained before — read level by level. The data must be an L×L field, L = 2<sup>k</sup> ≥ 4 (square
 * images, an ensemble or {@code .npy} on an L×L lattice, a CSV of L² values per row, row-major), quantised to the
 * flow's 8 bits: images as they are, other data mapped linearly from [min, max] onto 0 … 255.
 *
 * <p>Level n = 1 … k−1: the coarse variables are the latents at the sites of the stride-2<sup>n</sup> grid (depth ≥ n;
 * an invertible function of the field the flow's first n levels leave there), (L/2<sup>n</sup>)²·C of them, numbered
 * (a·M + b)·C + c for grid site (a, b) of M = L/2<sup>n</sup> and channel c, as the data's columns are; an input of
 * level n (a site of the stride-2<sup>n−1</sup> grid) is labelled with the coarse site of its 2×2 decimation block.
 * Information ({@link RgFlowScales}, nats per sample, differential, mean ± standard error over samples): kept at level
 * n = −ln p(φ<sub>n</sub>) − g<sub>n</sub>, the code length of the level's coarse field with each channel scaled to
 * unit variance (so that the flow's freedom to rescale it does not move nats between levels); lost = kept at level
 * n − 1 minus kept at level n (level 0: the preprocessed pixels, so scaled), the code length of the details level n
 * sets aside given the coarse field. Measured on the training samples themselves (in-sample, as the other methods of
 * {@code coarse reduce}).
 */
public final class FlowReduction {

    /** The linear map of non-image data onto 0 … 255: byte = round(255 (v − min)/(max − min)). */
    public record Quantisation(double min, double max) {
    }

    /**
     * The data as the flow's images.
     *
     * @param images       the 8-bit images
     * @param quantisation how numbers became bytes, or null for images used as they are
     */
    public record Images(ImageSet images, Quantisation quantisation) {
    }

    /**
     * A reduction by RG-Flow.
     *
     * @param result       the levels
     * @param flow         the flow used (trained here, or loaded)
     * @param bitsPerDim   the samples' bits per dimension under it (in-sample), mean ± standard error
     * @param quantisation how the data became bytes (null: images as they are)
     * @param picture      the geometry the flow read the data with (L×L×C; a CSV's rows become pictures)
     */
    public record Outcome(ReductionResult result, TrainedRgFlow flow, Estimate bitsPerDim, Quantisation quantisation,
                          ReductionInput.Picture picture) {

        public Outcome {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(bitsPerDim, "bitsPerDim");
            Objects.requireNonNull(picture, "picture");
        }
    }

    private FlowReduction() {
    }

    /** The defaults of {@code coarse rgflow train}: Laplace prior, logit, 4 couplings, width 32, batch 64, 10 epochs. */
    public static RgFlowSettings defaultSettings(long seed) {
        return new RgFlowSettings(false, Prior.LAPLACE, Preprocessing.LOGIT, 4, 1, 32, 64, 10, 1e-3, 50, seed);
    }

    /**
     * The data as images of side L = 2<sup>k</sup> ≥ 4.
     *
     * @throws IllegalArgumentException naming what is needed, for data that are not such a field
     */
    public static Images images(ReductionInput input) {
        ReductionInput.Picture picture = input.picture();
        int channels;
        int side;
        if (picture != null) {
            channels = picture.channels();
            side = picture.width();
            if (picture.width() != picture.height()) {
                throw notAField(input, picture.width() + "×" + picture.height() + " pictures are not square");
            }
        } else if (!input.table()) {
            throw notAField(input, "its " + input.columns().length + " variables have no L×L geometry (an ensemble"
                    + " on a lattice that is not 2D?)");
        } else {
            channels = 1;
            side = (int) Math.round(Math.sqrt(input.columns().length));
            if (side * side != input.columns().length) {
                throw notAField(input, input.columns().length + " columns are not L² values of an L×L field");
            }
        }
        if (side < 4 || Integer.bitCount(side) != 1) {
            throw notAField(input, "L = " + side + " is not a power of two ≥ 4");
        }
        if (input.images()) {
            return new Images(ImageSet.ofColumns(input.columns(), channels, side), null);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] column : input.columns()) {
            for (double v : column) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(input.description() + ": value " + v + " is not finite");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[][] scaled = new double[input.columns().length][];
        for (int j = 0; j < scaled.length; j++) {
            double[] column = input.columns()[j];
            scaled[j] = new double[column.length];
            for (int r = 0; r < column.length; r++) {
                scaled[j][r] = 255 * (column[r] - min) / (max - min);
            }
        }
        return new Images(ImageSet.ofColumns(scaled, channels, side), new Quantisation(min, max));
    }

    private static IllegalArgumentException notAField(ReductionInput input, String why) {
        return new IllegalArgumentException("rgflow needs an L×L field with L = 2^k ≥ 4 (square images, an ensemble or"
                + " .npy on an L×L lattice, or a CSV of L² values per row, row-major): " + input.description() + ": "
                + why);
    }

    /**
     * Trains a flow with {@code settings} on the data (the batch cut to the sample count if larger) for at most
     * {@code maxSeconds} (checked after each epoch), then reads {@code levels} levels; {@code seed} draws the
     * dequantisation noise of the code lengths.
     *
     * @throws IllegalArgumentException for data that are not a field, too many levels, or a training that diverged
     */
    public static Outcome train(ReductionInput input, int levels, RgFlowSettings settings, double maxSeconds,
                                RgFlowProgress progress, long seed) {
        Images images = images(input);
        checkLevels(images.images().size(), levels);
        if (settings.flat()) {
            throw new IllegalArgumentException("a flat flow has no levels: rgflow reduces with the hierarchical flow");
        }
        RgFlowSettings fitted = settings;
        int count = images.images().count();
        if (count < settings.batch()) {
            fitted = new RgFlowSettings(false, settings.prior(), settings.preprocessing(), settings.couplings(),
                    settings.hiddenLayers(), settings.hiddenWidth(), count, settings.epochs(), settings.learningRate(),
                    settings.clipNorm(), settings.seed());
        }
        TrainedRgFlow flow = new RgFlowTrainer(fitted).train(images.images(), null, maxSeconds, progress);
        return read(input, images, levels, flow, seed);
    }

    /**
     * Reads {@code levels} levels of the data with a flow trained before (on data of the same shape, quantised the
     * same way).
     *
     * @throws IllegalArgumentException for data that are not a field of the flow's shape, too many levels, or a flat
     *                                  flow
     */
    public static Outcome apply(ReductionInput input, int levels, TrainedRgFlow flow, long seed) {
        Images images = images(input);
        checkLevels(images.images().size(), levels);
        if (flow.settings().flat()) {
            throw new IllegalArgumentException("the model is a flat flow, which has no levels: train a hierarchical"
                    + " one (coarse rgflow train without --flat)");
        }
        if (flow.architecture().linearSize() != images.images().size()
                || flow.architecture().channels() != images.images().channels()) {
            throw new IllegalArgumentException("the model takes " + flow.architecture().channels() + "×"
                    + flow.architecture().linearSize() + "×" + flow.architecture().linearSize() + " fields, "
                    + input.description() + " holds " + images.images().channels() + "×" + images.images().size()
                    + "×" + images.images().size());
        }
        return read(input, images, levels, flow, seed);
    }

    /** Levels 1 … k−1 exist: the top level keeps its 2×2 sites together. */
    private static void checkLevels(int side, int levels) {
        int most = Integer.numberOfTrailingZeros(side) - 1;
        if (levels > most) {
            throw new IllegalArgumentException("--levels " + levels + " needs L ≥ " + (2L << levels)
                    + " (RG-Flow's top level keeps its 2×2 sites together); L = " + side + " allows at most " + most);
        }
    }

    private static Outcome read(ReductionInput input, Images images, int levels, TrainedRgFlow flow, long seed) {
        RgFlowScales scales = RgFlowScales.of(flow, images.images(), seed);
        int l = images.images().size();
        int c = images.images().channels();
        int n = scales.images();
        List<ReductionResult.Level> out = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            int stride = 1 << level;
            int m = l / stride;
            double[][] coarse = new double[n][m * m * c];
            for (int r = 0; r < n; r++) {
                float[] z = scales.latents()[r];
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        for (int ch = 0; ch < c; ch++) {
                            coarse[r][(a * m + b) * c + ch] = z[(ch * l + a * stride) * l + b * stride];
                        }
                    }
                }
            }
            int fine = 2 * m;
            int[] labels = new int[fine * fine * c];
            for (int a = 0; a < fine; a++) {
                for (int b = 0; b < fine; b++) {
                    for (int ch = 0; ch < c; ch++) {
                        labels[(a * fine + b) * c + ch] = ((a / 2) * m + b / 2) * c + ch;
                    }
                }
            }
            double[] kept = new double[n];
            double[] lost = new double[n];
            for (int r = 0; r < n; r++) {
                kept[r] = scales.standardisedCodeLength(r, level);
                lost[r] = scales.standardisedCodeLength(r, level - 1) - kept[r];
            }
            out.add(new ReductionResult.Level(level, labels.length, labels, MeanEstimator.ofIndependent(kept),
                    RuleFlowAnalysis.NOT_MEASURED, MeanEstimator.ofIndependent(lost), new double[0], Double.NaN, new byte[0][],
                    coarse));
        }
        double[] bits = new double[n];
        for (int r = 0; r < n; r++) {
            bits[r] = scales.bitsPerDim(r);
        }
        ReductionResult result = new ReductionResult(Reduction.Method.RGFLOW, input.rows(), input.columns().length,
                out);
        return new Outcome(result, flow, MeanEstimator.ofIndependent(bits), images.quantisation(),
                new ReductionInput.Picture(l, l, c));
    }
}
