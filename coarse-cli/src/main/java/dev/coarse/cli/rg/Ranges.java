package dev.coarse.cli.rg;

import dev.coarse.cli.command.UserError;
import java.util.Arrays;

/** Parsing of the grid and list options of the {@code rg} commands: {@code a:b:n} ranges and {@code 16,32,64} lists. */
public final class Ranges {

    private Ranges() {
    }

    /**
     * {@code a:b:n}: n ≥ 2 equally spaced values from a to b inclusive, a &lt; b, all finite and &gt; 0.
     *
     * @throws UserError on bad syntax or values, naming the option
     */
    public static double[] grid(String option, String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new UserError(option + " must be a:b:n (from a to b in n points), got '" + text + "'");
        }
        double a;
        double b;
        int n;
        try {
            a = Double.parseDouble(parts[0].trim());
            b = Double.parseDouble(parts[1].trim());
            n = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new UserError(option + " must be a:b:n with numbers a, b and an integer n, got '" + text + "'");
        }
        if (n < 2) {
            throw new UserError(option + " needs n ≥ 2 points, got " + n);
        }
        if (!(a > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new UserError(option + " values must be finite and > 0, got '" + text + "'");
        }
        if (!(b > a)) {
            throw new UserError(option + " needs a < b, got '" + text + "'");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a + (b - a) * i / (n - 1);
        }
        return out;
    }

    /** {@code 16,32,64}: positive integers, strictly increasing after sorting, at least {@code min} of them. */
    static int[] sizes(String option, String text, int min) {
        String[] parts = text.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserError(option + " must be a comma-separated list of integers, got '" + text + "'");
            }
            if (out[i] < 2) {
                throw new UserError(option + " sizes must be ≥ 2, got " + out[i]);
            }
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new UserError(option + " lists size " + out[i] + " twice");
            }
        }
        if (out.length < min) {
            throw new UserError(option + " needs at least " + min + " sizes, got " + out.length);
        }
        return out;
    }
}
