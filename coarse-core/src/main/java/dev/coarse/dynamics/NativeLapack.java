package dev.coarse.dynamics;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.Complex_F64;
import org.netlib.util.intW;

/**
 * Dense linear algebra on large transition matrices by the system's LAPACK, through netlib-java's JNI binding (the one
 * Spark uses): the full eigen-decomposition ({@code dgeev}: Hessenberg reduction and the multishift QR, blocked on an
 * optimised BLAS such as OpenBLAS) and the LU solve of the stationary law ({@code dgesv}). At 2,000 states it takes seconds where EJML's pure-Java QR takes one to two minutes, so
 * chains above {@link #STATES} states use it when a native LAPACK is installed (Debian: {@code liblapack3} or
 * {@code libopenblas0}); without one they keep EJML (netlib-java's own pure-Java fallback is slower still). The same
 * decomposition either way — every eigenvalue, nothing iterative to miss one — but not the same last bits: results
 * are reproducible on one machine, and may differ in rounding between a machine with a native LAPACK and one without.
 */
final class NativeLapack {

    /** Chains above this many states are decomposed and solved here when a native LAPACK is available. */
    static final int STATES = 500;

    private static final LAPACK LAPACK_NATIVE = load();

    private NativeLapack() {
    }

    private static LAPACK load() {
        try {
            return NativeLAPACK.getInstance();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Whether a native LAPACK was found. */
    static boolean available() {
        return LAPACK_NATIVE != null;
    }

    /** Whether a chain of {@code n} states is decomposed and solved here rather than by EJML. */
    static boolean used(int n) {
        return n > STATES && available();
    }

    /**
     * Eigenvalues λ<sub>j</sub> = real[j] + i·imaginary[j] (a complex pair in consecutive entries, positive imaginary
     * part first) and, when asked for, the right eigenvectors column by column (column-major n × n, LAPACK's layout:
     * for a real λ<sub>j</sub> column j is its eigenvector; for a pair, columns j and j + 1 are the real and
     * imaginary parts of λ<sub>j</sub>'s, a basis of the pair's real invariant subspace).
     */
    record Decomposition(int n, double[] real, double[] imaginary, double[] vectors) {

        /** The eigenvalues, sorted by modulus, largest first (as {@link ChainAnalysis#eigenvalues}). */
        Complex_F64[] eigenvalues() {
            Complex_F64[] values = new Complex_F64[n];
            for (int j = 0; j < n; j++) {
                values[j] = new Complex_F64(real[j], imaginary[j]);
            }
            Arrays.sort(values, (u, v) -> Double.compare(v.getMagnitude(), u.getMagnitude()));
            return values;
        }

        /** Column j of the eigenvector matrix. */
        double[] column(int j) {
            return Arrays.copyOfRange(vectors, j * n, (j + 1) * n);
        }
    }

    /**
     * The decomposition of P.
     *
     * @throws IllegalStateException when no native LAPACK is available, or dgeev's QR fails to converge
     */
    static Decomposition decompose(MarkovChain chain, boolean vectors) {
        return onLargeStack(() -> decomposeHere(chain, vectors));
    }

    private static Decomposition decomposeHere(MarkovChain chain, boolean vectors) {
        if (LAPACK_NATIVE == null) {
            throw new IllegalStateException("no native LAPACK available");
        }
        int n = chain.size();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            double[] row = chain.row(i);
            for (int j = 0; j < n; j++) {
                a[j * n + i] = row[j]; // column-major
            }
        }
        double[] real = new double[n];
        double[] imaginary = new double[n];
        double[] right = vectors ? new double[n * n] : new double[1];
        int ldvr = vectors ? n : 1;
        String jobvr = vectors ? "V" : "N";
        double[] query = new double[1];
        intW info = new intW(0);
        LAPACK_NATIVE.dgeev("N", jobvr, n, a, n, real, imaginary, new double[1], 1, right, ldvr, query, -1, info);
        if (info.val != 0) {
            throw new IllegalStateException("LAPACK dgeev workspace query failed: info = " + info.val);
        }
        double[] work = new double[Math.max(1, (int) query[0])];
        LAPACK_NATIVE.dgeev("N", jobvr, n, a, n, real, imaginary, new double[1], 1, right, ldvr, work, work.length,
                info);
        if (info.val != 0) {
            throw new IllegalStateException("LAPACK dgeev failed to converge (info = " + info.val + ")");
        }
        return new Decomposition(n, real, imaginary, vectors ? right : null);
    }

    /**
     * Solves A x = b in place by LU with partial pivoting ({@code dgesv}): {@code a} is n × n column-major (and is
     * overwritten by its factors), {@code b} receives x.
     *
     * @throws IllegalStateException when no native LAPACK is available, or A is singular
     */
    static void solve(int n, double[] a, double[] b) {
        onLargeStack(() -> {
            solveHere(n, a, b);
            return null;
        });
    }

    private static void solveHere(int n, double[] a, double[] b) {
        if (LAPACK_NATIVE == null) {
            throw new IllegalStateException("no native LAPACK available");
        }
        intW info = new intW(0);
        int[] pivots = new int[n];
        LAPACK_NATIVE.dgetrf(n, n, a, n, pivots, info);
        if (info.val != 0) {
            throw new IllegalStateException("singular system (LAPACK dgetrf info = " + info.val + ")");
        }
        LAPACK_NATIVE.dgetrs("N", n, 1, a, n, pivots, b, n, info);
        if (info.val != 0) {
            throw new IllegalStateException("LAPACK dgetrs failed: info = " + info.val);
        }
    }

    /**
     * Stack of the thread each LAPACK call runs on. OpenBLAS puts work buffers on the calling thread's stack: its
     * {@code dgetrf} on 150 × 150 or more overflows a Java thread's default 1 MiB stack and the JVM dies of SIGSEGV
     * with no message (16 MiB was enough at 2,000 × 2,000; this is reserved address space, touched only as used).
     */
    static final long STACK_BYTES = 256L << 20;

    /** Runs {@code call} on a fresh thread with a {@link #STACK_BYTES} stack and returns its result or rethrows. */
    private static <T> T onLargeStack(Callable<T> call) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(new Object[] {call.call()});
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "coarse-lapack", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while LAPACK ran", e);
        }
        Object result = outcome.get();
        if (result instanceof RuntimeException e) {
            throw e;
        }
        if (result instanceof Error e) {
            throw e;
        }
        if (result instanceof Throwable t) {
            throw new IllegalStateException(t);
        }
        @SuppressWarnings("unchecked")
        T value = (T) ((Object[]) result)[0];
        return value;
    }
}
