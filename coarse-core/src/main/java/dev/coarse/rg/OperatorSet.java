package dev.coarse.rg;

import dev.coarse.lattice.Lattice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An ordered set of {@link Operator}s S<sub>α</sub> with −βH = Σ<sub>α</sub> K<sub>α</sub> S<sub>α</sub>: values
 * S<sub>α</sub>(s) for MCRG and the local derivatives ∂S<sub>α</sub>/∂s<sub>i</sub> for pseudo-likelihood.
 * Every S<sub>α</sub> is multilinear in the spins, so S<sub>α</sub> = s<sub>i</sub>·∂S<sub>α</sub>/∂s<sub>i</sub> +
 * (terms without s<sub>i</sub>) and flipping s<sub>i</sub> changes S<sub>α</sub> by −2s<sub>i</sub>∂S<sub>α</sub>/∂s<sub>i</sub>.
 *
 * <p>Per-lattice term tables are built on first use and cached (thread-safe). A lattice so small that one term
 * would contain a site twice (e.g. {@code third_nn} on L = 2) is rejected.
 */
public final class OperatorSet {

    private final List<Operator> operators;
    private final Map<Lattice, Tables[]> cache = new ConcurrentHashMap<>();

    public OperatorSet(List<Operator> operators) {
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("an operator set needs at least one operator");
        }
        this.operators = List.copyOf(operators);
    }

    /** The named operators in dimension d, in the given order. */
    public static OperatorSet of(int dimension, String... names) {
        List<Operator> ops = new ArrayList<>();
        for (String n : names) {
            ops.add(Operator.named(n, dimension));
        }
        return new OperatorSet(ops);
    }

    /**
     * Even operators in order of increasing range, the usual MCRG set: 1D nn, third_nn, axis3; 2D/3D nn, nnn,
     * third_nn, plaquette, fourth_nn, diag2.
     */
    public static OperatorSet standardEven(int dimension) {
        return dimension == 1 ? of(1, "nn", "third_nn", "axis3")
                : of(dimension, "nn", "nnn", "third_nn", "plaquette", "fourth_nn", "diag2");
    }

    /** Odd operators: 1D field, line3; 2D/3D field, triangle, line3. */
    public static OperatorSet standardOdd(int dimension) {
        return dimension == 1 ? of(1, "field", "line3") : of(dimension, "field", "triangle", "line3");
    }

    /** The first m operators (accuracy versus operators kept). */
    public OperatorSet truncate(int m) {
        if (m < 1 || m > operators.size()) {
            throw new IllegalArgumentException("can keep 1 to " + operators.size() + " operators, asked for " + m);
        }
        return new OperatorSet(operators.subList(0, m));
    }

    public int size() {
        return operators.size();
    }

    public Operator operator(int alpha) {
        return operators.get(alpha);
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (Operator o : operators) {
            n.add(o.name());
        }
        return n;
    }

    /** S<sub>α</sub>(s) for every α. Modified: {@code out} (length {@link #size()}). */
    public void values(Lattice lattice, byte[] configuration, double[] out) {
        Tables[] tables = tables(lattice);
        for (int a = 0; a < tables.length; a++) {
            out[a] = tables[a].value(configuration);
        }
    }

    /** S<sub>α</sub>(s) for every α, a fresh array. */
    public double[] values(Lattice lattice, byte[] configuration) {
        double[] out = new double[size()];
        values(lattice, configuration, out);
        return out;
    }

    /** ∂S<sub>α</sub>/∂s<sub>i</sub> for every α. Modified: {@code out} (length {@link #size()}). */
    public void localDerivatives(Lattice lattice, byte[] configuration, int site, double[] out) {
        Tables[] tables = tables(lattice);
        for (int a = 0; a < tables.length; a++) {
            out[a] = tables[a].derivative(configuration, site);
        }
    }

    private Tables[] tables(Lattice lattice) {
        return cache.computeIfAbsent(lattice, l -> {
            Tables[] t = new Tables[operators.size()];
            for (int a = 0; a < t.length; a++) {
                t[a] = Tables.build(operators.get(a), l);
            }
            return t;
        });
    }

    @Override
    public String toString() {
        return names().toString();
    }

    /**
     * Flat term tables of one operator on one lattice: {@code terms[t·k + j]} the sites of term t, and for each
     * site i the (k − 1) other sites of each of the {@code perSite} terms containing it.
     */
    private record Tables(int order, int[] terms, int perSite, int[] others) {

        static Tables build(Operator op, Lattice lattice) {
            int d = lattice.dimension();
            for (int[][] shape : op.shapes()) {
                if (shape[0].length != d) {
                    throw new IllegalArgumentException("operator '" + op.name() + "' was built for dimension "
                            + shape[0].length + ", lattice " + lattice + " has " + d);
                }
            }
            int k = op.order();
            int n = lattice.siteCount();
            int shapes = op.shapes().length;
            int[] terms = new int[n * shapes * k];
            int[] fill = new int[n];
            int perSite = shapes * k;
            int[] others = new int[n * perSite * Math.max(k - 1, 0)];
            int t = 0;
            for (int x = 0; x < n; x++) {
                int[] cx = lattice.coordinates(x);
                for (int[][] shape : op.shapes()) {
                    int[] sites = new int[k];
                    for (int j = 0; j < k; j++) {
                        int[] c = cx.clone();
                        for (int axis = 0; axis < d; axis++) {
                            c[axis] += shape[j][axis];
                        }
                        sites[j] = lattice.site(c);
                    }
                    int[] sorted = sites.clone();
                    Arrays.sort(sorted);
                    for (int j = 1; j < k; j++) {
                        if (sorted[j] == sorted[j - 1]) {
                            throw new IllegalArgumentException("lattice " + lattice + " is too small for operator '"
                                    + op.name() + "': one of its terms contains a site twice");
                        }
                    }
                    System.arraycopy(sites, 0, terms, t * k, k);
                    for (int j = 0; j < k; j++) {
                        int i = sites[j];
                        int base = (i * perSite + fill[i]) * (k - 1);
                        int m = 0;
                        for (int jj = 0; jj < k; jj++) {
                            if (jj != j) {
                                others[base + m++] = sites[jj];
                            }
                        }
                        fill[i]++;
                    }
                    t++;
                }
            }
            return new Tables(k, terms, perSite, others);
        }

        /** Σ over terms of the product of their spins; loops specialised by order (the MCRG hot path). */
        double value(byte[] s) {
            int[] tm = terms;
            int n = tm.length;
            long sum = 0;
            switch (order) {
                case 1 -> {
                    for (int t = 0; t < n; t++) {
                        sum += s[tm[t]];
                    }
                }
                case 2 -> {
                    for (int t = 0; t < n; t += 2) {
                        sum += s[tm[t]] * s[tm[t + 1]];
                    }
                }
                case 3 -> {
                    for (int t = 0; t < n; t += 3) {
                        sum += s[tm[t]] * s[tm[t + 1]] * s[tm[t + 2]];
                    }
                }
                case 4 -> {
                    for (int t = 0; t < n; t += 4) {
                        sum += s[tm[t]] * s[tm[t + 1]] * s[tm[t + 2]] * s[tm[t + 3]];
                    }
                }
                default -> {
                    for (int t = 0; t < n; t += order) {
                        int p = 1;
                        for (int j = 0; j < order; j++) {
                            p *= s[tm[t + j]];
                        }
                        sum += p;
                    }
                }
            }
            return sum;
        }

        double derivative(byte[] s, int site) {
            int km1 = order - 1;
            if (km1 == 0) {
                return perSite;
            }
            int base = site * perSite * km1;
            long sum = 0;
            for (int e = 0; e < perSite; e++) {
                int p = 1;
                for (int m = 0; m < km1; m++) {
                    p *= s[others[base + e * km1 + m]];
                }
                sum += p;
            }
            return sum;
        }
    }
}
