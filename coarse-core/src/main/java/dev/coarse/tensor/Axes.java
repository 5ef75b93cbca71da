package dev.coarse.tensor;

/**
 * Transposition of the axes of a C-order array — the reshaping that turns a tensor contraction into one matrix
 * product. Package-private: the contractions of this package are its only callers.
 */
final class Axes {

    private Axes() {
    }

    /**
     * The array whose axes are {@code source}'s axes in the order {@code order}: result axis i is source axis
     * order[i].
     *
     * @param dims the source's dimensions
     */
    static double[] permute(double[] source, int[] dims, int... order) {
        int rank = dims.length;
        int[] stride = new int[rank];
        int s = 1;
        for (int a = rank - 1; a >= 0; a--) {
            stride[a] = s;
            s *= dims[a];
        }
        int[] outDims = new int[rank];
        int[] outStride = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = dims[order[i]];
            outStride[i] = stride[order[i]];
        }
        double[] out = new double[source.length];
        int[] counter = new int[rank];
        int last = rank - 1;
        int innerDim = outDims[last];
        int innerStride = outStride[last];
        int base = 0;
        for (int o = 0; o < out.length; o += innerDim) {
            for (int k = 0, p = base; k < innerDim; k++, p += innerStride) {
                out[o + k] = source[p];
            }
            for (int a = last - 1; a >= 0; a--) {
                base += outStride[a];
                if (++counter[a] < outDims[a]) {
                    break;
                }
                base -= outStride[a] * outDims[a];
                counter[a] = 0;
            }
        }
        return out;
    }
}
