package dev.coarse.learn.mi;

/**
 * Samples as the network reads them: float32, row-major, each column shifted and scaled by fixed moments. A
 * mini-batch is gathered from it into a reused buffer.
 */
final class FloatRows {

    private final float[] values;
    private final int rows;
    private final int columns;

    private FloatRows(float[] values, int rows, int columns) {
        this.values = values;
        this.rows = rows;
        this.columns = columns;
    }

    /** Rows {@code chosen} of {@code samples}, as (value − shift[c]) / scale[c] per column c. Not modified. */
    static FloatRows of(double[][] samples, int[] chosen, double[] shift, double[] scale) {
        int columns = shift.length;
        float[] values = new float[chosen.length * columns];
        for (int r = 0; r < chosen.length; r++) {
            double[] row = samples[chosen[r]];
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = (float) ((row[c] - shift[c]) / scale[c]);
            }
        }
        return new FloatRows(values, chosen.length, columns);
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    /** Rows {@code order[from]}, …, {@code order[from + buffer.length/columns − 1]} into {@code buffer} (written). */
    void gather(int[] order, int from, float[] buffer) {
        int count = buffer.length / columns;
        for (int r = 0; r < count; r++) {
            System.arraycopy(values, order[from + r] * columns, buffer, r * columns, columns);
        }
    }

    /** Rows {@code from} … {@code from + buffer.length/columns − 1} into {@code buffer} (written). */
    void slice(int from, float[] buffer) {
        System.arraycopy(values, from * columns, buffer, 0, buffer.length);
    }
}
