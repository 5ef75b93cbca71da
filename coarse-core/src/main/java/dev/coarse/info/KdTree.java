package dev.coarse.info;

/**
 * A k-d tree over n points in d dimensions for the max-norm (Chebyshev) neighbour queries of the KSG
 * estimator: the distance to the k-th nearest point and the number of points strictly inside a ball.
 * Built in O(n log n) by median splits along the widest coordinate, with the points copied into tree order
 * so leaves are contiguous in memory. Queries prune a subtree when the max-norm distance to its cell (the
 * largest per-axis gap along the path) already exceeds what is sought. Immutable after construction;
 * queries allocate nothing except through the caller-supplied scratch array.
 */
final class KdTree {

    private static final int LEAF_SIZE = 12;

    private final int n;
    private final int d;
    /** Coordinates in tree order, point p at [p*d, p*d+d). */
    private final double[] coords;
    private final int[] nodeLo;
    private final int[] nodeHi;
    private final int[] nodeAxis;
    private final double[] nodeSplit;
    private final int[] nodeLeft;
    private final int[] nodeRight;
    private int nodeCount;

    /** Builds the tree; {@code points} is n×d, point i at [i*d, i*d+d), not modified. */
    KdTree(double[] points, int n, int d) {
        this.n = n;
        this.d = d;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int maxNodes = 2 * Math.max(1, n / LEAF_SIZE * 2 + 1) + 8;
        nodeLo = new int[maxNodes];
        nodeHi = new int[maxNodes];
        nodeAxis = new int[maxNodes];
        nodeSplit = new double[maxNodes];
        nodeLeft = new int[maxNodes];
        nodeRight = new int[maxNodes];
        build(points, order, 0, n);
        coords = new double[n * d];
        for (int p = 0; p < n; p++) {
            System.arraycopy(points, order[p] * d, coords, p * d, d);
        }
    }

    private int build(double[] points, int[] order, int lo, int hi) {
        int node = nodeCount++;
        nodeLo[node] = lo;
        nodeHi[node] = hi;
        nodeLeft[node] = -1;
        nodeRight[node] = -1;
        if (hi - lo <= LEAF_SIZE) {
            return node;
        }
        int axis = 0;
        double widest = -1;
        for (int a = 0; a < d; a++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = points[order[i] * d + a];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > widest) {
                widest = max - min;
                axis = a;
            }
        }
        int mid = (lo + hi) >>> 1;
        select(points, order, lo, hi - 1, mid, axis);
        nodeAxis[node] = axis;
        nodeSplit[node] = points[order[mid] * d + axis];
        // left holds [lo, mid) with values ≤ split, right [mid, hi) with values ≥ split
        int left = build(points, order, lo, mid);
        int right = build(points, order, mid, hi);
        nodeLeft[node] = left;
        nodeRight[node] = right;
        return node;
    }

    /** Quickselect: puts the element of rank k (along axis) at order[k], smaller before, larger after. */
    private void select(double[] points, int[] order, int lo, int hi, int k, int axis) {
        while (hi > lo) {
            double pivot = points[order[(lo + hi) >>> 1] * d + axis];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (points[order[i] * d + axis] < pivot) {
                    i++;
                }
                while (points[order[j] * d + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * Max-norm distance from {@code query} (length d) to its {@code kth}-nearest tree point, counting a point
     * at distance 0 (the query itself when it is in the tree). {@code scratch} (length ≥ kth) is overwritten.
     */
    double kthNearestDistance(double[] query, int kth, double[] scratch) {
        java.util.Arrays.fill(scratch, 0, kth, Double.POSITIVE_INFINITY);
        knn(0, query, kth, scratch, 0.0);
        return scratch[kth - 1];
    }

    private void knn(int node, double[] q, int kth, double[] best, double bound) {
        if (bound >= best[kth - 1]) {
            return;
        }
        if (nodeLeft[node] < 0) {
            for (int p = nodeLo[node]; p < nodeHi[node]; p++) {
                double dist = 0;
                int base = p * d;
                for (int a = 0; a < d; a++) {
                    double diff = Math.abs(coords[base + a] - q[a]);
                    if (diff > dist) {
                        dist = diff;
                    }
                }
                if (dist < best[kth - 1]) {
                    int i = kth - 1;
                    while (i > 0 && best[i - 1] > dist) {
                        best[i] = best[i - 1];
                        i--;
                    }
                    best[i] = dist;
                }
            }
            return;
        }
        double gap = q[nodeAxis[node]] - nodeSplit[node];
        int near = gap < 0 ? nodeLeft[node] : nodeRight[node];
        int far = gap < 0 ? nodeRight[node] : nodeLeft[node];
        knn(near, q, kth, best, bound);
        knn(far, q, kth, best, Math.max(bound, Math.abs(gap)));
    }

    /** Number of tree points at max-norm distance strictly less than {@code radius} from {@code query}. */
    int countWithin(double[] query, double radius) {
        return count(0, query, radius, 0.0);
    }

    private int count(int node, double[] q, double radius, double bound) {
        if (bound >= radius) {
            return 0;
        }
        if (nodeLeft[node] < 0) {
            int c = 0;
            for (int p = nodeLo[node]; p < nodeHi[node]; p++) {
                int base = p * d;
                boolean inside = true;
                for (int a = 0; a < d; a++) {
                    if (!(Math.abs(coords[base + a] - q[a]) < radius)) {
                        inside = false;
                        break;
                    }
                }
                if (inside) {
                    c++;
                }
            }
            return c;
        }
        double gap = q[nodeAxis[node]] - nodeSplit[node];
        int near = gap < 0 ? nodeLeft[node] : nodeRight[node];
        int far = gap < 0 ? nodeRight[node] : nodeLeft[node];
        return count(near, q, radius, bound) + count(far, q, radius, Math.max(bound, Math.abs(gap)));
    }

    int size() {
        return n;
    }
}
