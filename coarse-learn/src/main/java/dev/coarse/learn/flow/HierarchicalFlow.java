package dev.coarse.learn.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A MERA-shaped normalizing flow (Li &amp; Wang 2018): the generative map x = g(z) from Gaussian latents z to an
 * L×L field, built from invertible blocks acting on 2×2 plaquettes. Level ℓ = k−1, …, 0 (k = log₂ L) works on the
 * sites of the stride-2<sup>ℓ</sup> sublattice, an M×M grid (M = L/2<sup>ℓ</sup>): first a <em>decimator</em> block on
 * the plaquettes of that grid, then a <em>disentangler</em> block on the plaquettes shifted by one grid step. Read
 * backwards (x → z, the RG direction), each level disentangles and decimates, and three of every four sites of the
 * grid leave as latents of that depth; so the latent at a site whose coordinates have 2-adic valuation ℓ belongs to
 * depth ℓ (the site (0,0) to the top).
 *
 * <p>A block is one set of weights shared by all its plaquettes (translation invariance); it is a chain of RealNVP
 * affine couplings (Dinh et al. 2017): the plaquette's 4C variables split in two halves by one bit of their index
 * (column, row, channel in turn, halves swapped every round), y<sub>B</sub> = x<sub>B</sub> e<sup>s(x<sub>A</sub>)
 * </sup> + t(x<sub>A</sub>), s = α ⊙ tanh(·), with s and t from one tanh MLP; the log-determinant is Σ s, exact. The
 * output layer starts at zero, so an untrained flow is the identity.
 *
 * <p>All arithmetic is on DJL arrays, so that {@link ai.djl.training.GradientCollector} differentiates it; the
 * weights are arrays of {@link #parameters()} (modified only by the optimizer). Not thread-safe.
 */
public final class HierarchicalFlow implements AutoCloseable {

    private final FlowArchitecture architecture;
    private final boolean flat;
    private final DataType type;
    private final NDManager manager;
    private final List<NDArray> parameters = new ArrayList<>();
    private final List<String> parameterNames = new ArrayList<>();
    /** [level][0 = decimator, 1 = disentangler][coupling] → the coupling's arrays. */
    private final Coupling[][][] couplings;
    /** [coupling index within a block] → selection matrices (conditioning half A, transformed half B). */
    private final NDArray[] selectA;
    private final NDArray[] selectB;

    private record Coupling(NDArray[] weights, NDArray[] biases, NDArray scale) {
    }

    /**
     * A flow with Glorot-uniform hidden weights drawn from {@code weights} and zero output layers (the identity).
     * Its arrays live in a manager of its own, freed by {@link #close()}.
     */
    public HierarchicalFlow(FlowArchitecture architecture, NDManager parent, SplittableRandom weights) {
        this(architecture, parent, weights, DataType.FLOAT32);
    }

    /** As above, with the arrays in {@code type} (FLOAT64 for precise checks of the arithmetic). */
    HierarchicalFlow(FlowArchitecture architecture, NDManager parent, SplittableRandom weights, DataType type) {
        this(architecture, parent, weights, type, false);
    }

    /**
     * The same blocks, weights and parameter count with the hierarchy removed: every level's decimator and
     * disentangler act on the plaquettes of the full lattice (stride 1), so the flow is a flat stack of local RealNVP
     * couplings — the baseline of RG-Flow's comparison (Hu et al. 2020).
     */
    public static HierarchicalFlow flat(FlowArchitecture architecture, NDManager parent, SplittableRandom weights) {
        return new HierarchicalFlow(architecture, parent, weights, DataType.FLOAT32, true);
    }

    private HierarchicalFlow(FlowArchitecture architecture, NDManager parent, SplittableRandom weights,
                             DataType type, boolean flat) {
        this.flat = flat;
        this.type = type;
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.manager = parent.newSubManager();
        int depth = architecture.depth();
        int d = architecture.plaquetteVariables();
        int half = d / 2;
        couplings = new Coupling[depth][2][architecture.couplingsPerBlock()];
        for (int level = 0; level < depth; level++) {
            for (int kind = 0; kind < 2; kind++) {
                for (int c = 0; c < architecture.couplingsPerBlock(); c++) {
                    int layers = architecture.hiddenLayers() + 1;
                    NDArray[] w = new NDArray[layers];
                    NDArray[] b = new NDArray[layers];
                    int in = half;
                    for (int layer = 0; layer < layers; layer++) {
                        boolean output = layer == layers - 1;
                        int out = output ? d : architecture.hiddenWidth();
                        w[layer] = parameter(String.format("l%d.%s.c%d.w%d", level, kind == 0 ? "dec" : "dis", c,
                                layer), output ? new float[in * out] : glorot(in, out, weights), new Shape(in, out));
                        b[layer] = parameter(String.format("l%d.%s.c%d.b%d", level, kind == 0 ? "dec" : "dis", c,
                                layer), new float[out], new Shape(out));
                        in = out;
                    }
                    float[] ones = new float[half];
                    java.util.Arrays.fill(ones, 1f);
                    NDArray scale = parameter(String.format("l%d.%s.c%d.alpha", level, kind == 0 ? "dec" : "dis",
                            c), ones, new Shape(half));
                    couplings[level][kind][c] = new Coupling(w, b, scale);
                }
            }
        }
        int bits = Integer.numberOfTrailingZeros(d);
        selectA = new NDArray[architecture.couplingsPerBlock()];
        selectB = new NDArray[architecture.couplingsPerBlock()];
        for (int c = 0; c < architecture.couplingsPerBlock(); c++) {
            int bit = c % bits;
            int side = (c / bits) % 2;
            float[] a = new float[d * half];
            float[] bb = new float[d * half];
            int ia = 0;
            int ib = 0;
            for (int i = 0; i < d; i++) {
                if (((i >> bit) & 1) == side) {
                    a[i * half + ia++] = 1f;
                } else {
                    bb[i * half + ib++] = 1f;
                }
            }
            selectA[c] = manager.create(a, new Shape(d, half)).toType(type, false);
            selectB[c] = manager.create(bb, new Shape(d, half)).toType(type, false);
        }
    }

    private NDArray parameter(String name, float[] values, Shape shape) {
        NDArray array = manager.create(values, shape).toType(type, false);
        array.setRequiresGradient(true);
        parameters.add(array);
        parameterNames.add(name);
        return array;
    }

    private static float[] glorot(int in, int out, SplittableRandom random) {
        double bound = Math.sqrt(6.0 / (in + out));
        float[] values = new float[in * out];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return values;
    }

    public FlowArchitecture architecture() {
        return architecture;
    }

    /** True for the flat variant ({@link #flat}). */
    public boolean isFlat() {
        return flat;
    }

    /**
     * The sublattice stride level ℓ's blocks act on: 2<sup>ℓ</sup>, or 1 for a flat flow. In the generative direction
     * the levels run ℓ = k−1 … 0, each a decimator on the unshifted plaquettes of the stride-s grid, then a
     * disentangler on the plaquettes shifted by one grid step (s sites); the inverse runs the same blocks backwards.
     */
    public int stride(int level) {
        return flat ? 1 : 1 << level;
    }

    /** The trainable arrays, in a fixed order (the optimizer's and the model file's). */
    public List<NDArray> parameters() {
        return List.copyOf(parameters);
    }

    /** The names of {@link #parameters()}, in the same order. */
    public List<String> parameterNames() {
        return List.copyOf(parameterNames);
    }

    /** Copies the weights out, one flat array per parameter. */
    public float[][] weights() {
        float[][] out = new float[parameters.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = parameters.get(i).toType(DataType.FLOAT32, false).toFloatArray();
        }
        return out;
    }

    /** Overwrites the weights (same order and sizes as {@link #weights()}). Modified: this flow's parameters. */
    public void setWeights(float[][] values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " parameter arrays, got "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            NDArray p = parameters.get(i);
            if (values[i].length != p.size()) {
                throw new IllegalArgumentException("parameter " + parameterNames.get(i) + " has " + p.size()
                        + " values, got " + values[i].length);
            }
            if (type == DataType.FLOAT32) {
                p.set(java.nio.FloatBuffer.wrap(values[i]));
            } else {
                double[] wide = new double[values[i].length];
                for (int j = 0; j < wide.length; j++) {
                    wide[j] = values[i][j];
                }
                p.set(java.nio.DoubleBuffer.wrap(wide));
            }
        }
    }

    /**
     * The generative direction: z of shape (B, C, L, L) → {x, ln|det ∂x/∂z|} with x of the same shape and the
     * log-determinant of shape (B).
     */
    public NDList generate(NDArray z) {
        return run(z, false, null, null);
    }

    /** The RG direction, the exact inverse: x → {z, ln|det ∂z/∂x|}. */
    public NDList inverse(NDArray x) {
        return run(x, true, null, null);
    }

    /**
     * The RG direction with its log-determinant split by level: x → {z, ln|det| of shape (B, k), then the array after
     * each level ℓ = 0 … k−2}. Column ℓ of the log-determinant is the contribution of level ℓ's disentangler and
     * decimator (the map from the stride-2<sup>ℓ</sup> field to the stride-2<sup>ℓ+1</sup> field and the latents of
     * depth ℓ); the columns sum to {@link #inverse}'s. The array after level ℓ, of shape (B, C, L, L), holds the
     * coarse field φ<sub>ℓ+1</sub> at the sites of the stride-2<sup>ℓ+1</sup> grid (and finished latents elsewhere).
     */
    public NDList inverseByLevel(NDArray x) {
        NDArray[] perLevel = new NDArray[architecture.depth()];
        NDArray[] fields = new NDArray[architecture.depth()];
        NDList out = run(x, true, perLevel, fields);
        NDList result = new NDList(out.get(0), NDArrays.stack(new NDList(perLevel), 1));
        for (int level = 0; level < architecture.depth() - 1; level++) {
            result.add(fields[level]);
        }
        return result;
    }

    private NDList run(NDArray input, boolean inverse, NDArray[] perLevel, NDArray[] fields) {
        int depth = architecture.depth();
        long batch = input.getShape().get(0);
        NDArray x = input;
        NDArray logDet = input.getManager().zeros(new Shape(batch), input.getDataType());
        for (int step = 0; step < depth; step++) {
            int level = inverse ? step : depth - 1 - step;
            int stride = stride(level);
            NDArray levelDet = null;
            for (int k = 0; k < 2; k++) {
                // generation: decimator (unshifted) then disentangler (shifted); the inverse runs it backwards
                int kind = inverse ? 1 - k : k;
                NDList out = onSublattice(x, stride, kind == 1, couplings[level][kind], inverse);
                x = out.get(0);
                logDet = logDet.add(out.get(1));
                levelDet = levelDet == null ? out.get(1) : levelDet.add(out.get(1));
            }
            if (perLevel != null) {
                perLevel[level] = levelDet;
                fields[level] = x;
            }
        }
        return new NDList(x, logDet);
    }

    /** Applies a block to the plaquettes of the stride-s sublattice (shifted by one grid step if asked). */
    private NDList onSublattice(NDArray x, int stride, boolean shifted, Coupling[] block, boolean inverse) {
        int l = architecture.linearSize();
        int c = architecture.channels();
        int m = l / stride;
        long batch = x.getShape().get(0);
        NDArray grid;
        NDArray restRows = null;
        NDArray restCols = null;
        if (stride == 1) {
            grid = x;
        } else {
            NDArray split = x.reshape(batch, c, m, stride, m, stride);
            NDArray firstRow = split.get(new NDIndex(":, :, :, 0:1, :, :"));
            restRows = split.get(new NDIndex(":, :, :, 1:, :, :"));
            restCols = firstRow.get(new NDIndex(":, :, :, :, :, 1:"));
            grid = firstRow.get(new NDIndex(":, :, :, :, :, 0:1")).reshape(batch, c, m, m);
        }
        if (shifted) {
            grid = roll(grid, 1);
        }
        int p = m / 2;
        int d = architecture.plaquetteVariables();
        NDArray plaquettes = grid.reshape(batch, c, p, 2, p, 2).transpose(0, 2, 4, 1, 3, 5)
                .reshape(batch * p * p, d);
        NDList transformed = block(plaquettes, block, inverse);
        NDArray newGrid = transformed.get(0).reshape(batch, p, p, c, 2, 2).transpose(0, 3, 1, 4, 2, 5)
                .reshape(batch, c, m, m);
        NDArray logDet = transformed.get(1).reshape(batch, p * p).sum(new int[] {1});
        if (shifted) {
            newGrid = roll(newGrid, -1);
        }
        NDArray result;
        if (stride == 1) {
            result = newGrid;
        } else {
            NDArray firstRow = newGrid.reshape(batch, c, m, 1, m, 1).concat(restCols, 5);
            result = firstRow.concat(restRows, 3).reshape(batch, c, l, l);
        }
        return new NDList(result, logDet);
    }

    /** Cyclic shift of the last two axes by {@code shift} (±1): entry (i, j) of the result is entry (i+s, j+s). */
    private static NDArray roll(NDArray grid, int shift) {
        long m = grid.getShape().get(3);
        int s = (int) Math.floorMod(shift, m);
        NDArray rows = grid.get(new NDIndex(":, :, " + s + ":, :")).concat(grid.get(new NDIndex(":, :, :" + s + ", :")), 2);
        return rows.get(new NDIndex(":, :, :, " + s + ":")).concat(rows.get(new NDIndex(":, :, :, :" + s)), 3);
    }

    /** A chain of affine couplings on rows of 4C plaquette variables → {y, per-row log-determinant}. */
    private NDList block(NDArray x, Coupling[] block, boolean inverse) {
        NDArray y = x;
        NDArray logDet = null;
        int n = block.length;
        for (int k = 0; k < n; k++) {
            int c = inverse ? n - 1 - k : k;
            NDArray a = y.matMul(selectA[c]);
            NDArray b = y.matMul(selectB[c]);
            NDArray h = a;
            Coupling coupling = block[c];
            int layers = coupling.weights().length;
            for (int layer = 0; layer < layers; layer++) {
                h = h.matMul(coupling.weights()[layer]).add(coupling.biases()[layer]);
                if (layer < layers - 1) {
                    h = h.tanh();
                }
            }
            int half = architecture.plaquetteVariables() / 2;
            NDArray s = h.get(new NDIndex(":, 0:" + half)).tanh().mul(coupling.scale());
            NDArray t = h.get(new NDIndex(":, " + half + ":"));
            NDArray newB;
            NDArray ld = s.sum(new int[] {1});
            if (inverse) {
                newB = b.sub(t).mul(s.neg().exp());
                ld = ld.neg();
            } else {
                newB = b.mul(s.exp()).add(t);
            }
            y = a.matMul(selectA[c].transpose()).add(newB.matMul(selectB[c].transpose()));
            logDet = logDet == null ? ld : logDet.add(ld);
        }
        return new NDList(y, logDet);
    }

    @Override
    public void close() {
        manager.close();
    }
}
