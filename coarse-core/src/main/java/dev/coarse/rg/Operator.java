package dev.coarse.rg;

import java.util.ArrayList;
import java.util.List;

/**
 * A translation-invariant spin operator S = Σ<sub>x</sub> Σ<sub>shapes</sub> Π<sub>δ ∈ shape</sub> s<sub>x+δ</sub>:
 * every shape (a set of k lattice offsets) is summed over all translations x, so each bond, plaquette, … of
 * the periodic lattice appears once per shape orientation. Even operators (k even) are invariant under the
 * global flip, odd ones change sign.
 *
 * <p>Names: {@code field} (Σs), {@code nn} (nearest neighbours), {@code nnn} (diagonal next-nearest),
 * {@code third_nn} (distance 2 along an axis), {@code fourth_nn} (offset (2, ±1) and (±1, 2)),
 * {@code diag2} (offset (2, ±2)), {@code axis3} (distance 3 along an axis), {@code plaquette} (4-spin
 * elementary square), {@code triangle} (the four 3-spin corners of each elementary square),
 * {@code line3} (three collinear spins s<sub>x−e</sub>s<sub>x</sub>s<sub>x+e</sub>).
 *
 * @param name   CLI/report name
 * @param order  spins per term k
 * @param shapes offsets, {@code shapes[shape][spin][axis]}
 */
public record Operator(String name, int order, int[][][] shapes) {

    /** All known operator names. */
    public static final List<String> NAMES = List.of("field", "nn", "nnn", "third_nn", "fourth_nn", "diag2", "axis3",
            "plaquette", "triangle", "line3");

    public boolean isOdd() {
        return (order & 1) == 1;
    }

    /** The operator of a given name in dimension d. */
    public static Operator named(String name, int d) {
        if (d < 1 || d > 3) {
            throw new IllegalArgumentException("dimension must be 1, 2 or 3, got " + d);
        }
        List<int[][]> shapes = new ArrayList<>();
        switch (name) {
            case "field" -> shapes.add(new int[][] {new int[d]});
            case "nn" -> axes(d, a -> shapes.add(pair(d, unit(d, a, 1))));
            case "third_nn" -> axes(d, a -> shapes.add(pair(d, unit(d, a, 2))));
            case "axis3" -> axes(d, a -> shapes.add(pair(d, unit(d, a, 3))));
            case "nnn" -> planes(name, d, (a, b) -> {
                shapes.add(pair(d, add(unit(d, a, 1), unit(d, b, 1))));
                shapes.add(pair(d, add(unit(d, a, 1), unit(d, b, -1))));
            });
            case "diag2" -> planes(name, d, (a, b) -> {
                shapes.add(pair(d, add(unit(d, a, 2), unit(d, b, 2))));
                shapes.add(pair(d, add(unit(d, a, 2), unit(d, b, -2))));
            });
            case "fourth_nn" -> planes(name, d, (a, b) -> {
                shapes.add(pair(d, add(unit(d, a, 2), unit(d, b, 1))));
                shapes.add(pair(d, add(unit(d, a, 2), unit(d, b, -1))));
                shapes.add(pair(d, add(unit(d, a, 1), unit(d, b, 2))));
                shapes.add(pair(d, add(unit(d, a, -1), unit(d, b, 2))));
            });
            case "plaquette" -> planes(name, d, (a, b) -> shapes.add(new int[][] {
                new int[d], unit(d, a, 1), unit(d, b, 1), add(unit(d, a, 1), unit(d, b, 1))}));
            case "triangle" -> planes(name, d, (a, b) -> {
                int[][] corners = {new int[d], unit(d, a, 1), unit(d, b, 1), add(unit(d, a, 1), unit(d, b, 1))};
                for (int drop = 0; drop < 4; drop++) {
                    int[][] tri = new int[3][];
                    int n = 0;
                    for (int c = 0; c < 4; c++) {
                        if (c != drop) {
                            tri[n++] = corners[c];
                        }
                    }
                    shapes.add(tri);
                }
            });
            case "line3" -> axes(d, a -> shapes.add(new int[][] {unit(d, a, -1), new int[d], unit(d, a, 1)}));
            default -> throw new IllegalArgumentException("unknown operator '" + name + "' (known: "
                    + String.join(", ", NAMES) + ")");
        }
        return new Operator(name, shapes.get(0).length, shapes.toArray(new int[0][][]));
    }

    private interface AxisAction {
        void apply(int axis);
    }

    private interface PlaneAction {
        void apply(int a, int b);
    }

    private static void axes(int d, AxisAction action) {
        for (int a = 0; a < d; a++) {
            action.apply(a);
        }
    }

    private static void planes(String name, int d, PlaneAction action) {
        if (d < 2) {
            throw new IllegalArgumentException("operator '" + name + "' needs dimension ≥ 2, got " + d);
        }
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                action.apply(a, b);
            }
        }
    }

    private static int[] unit(int d, int axis, int length) {
        int[] v = new int[d];
        v[axis] = length;
        return v;
    }

    private static int[] add(int[] x, int[] y) {
        int[] v = x.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += y[i];
        }
        return v;
    }

    private static int[][] pair(int d, int[] offset) {
        return new int[][] {new int[d], offset};
    }
}
