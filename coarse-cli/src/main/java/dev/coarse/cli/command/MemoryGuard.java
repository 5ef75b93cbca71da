package dev.coarse.cli.command;

import java.util.Locale;

/**
 * Refuses, before anything is allocated or written, a command whose estimated memory exceeds the JVM's heap: one
 * line with the estimate and the {@code COARSE_JAVA_OPTS=-Xmx…} that would fit it. The estimates are lower bounds
 * computed in core (and learn) where the sizes are known, from a command's arguments and its input's header
 * ({@code dev.coarse.data.DataShape}); the commands only call this guard (docs/reliability.md, "Memory", lists them).
 */
public final class MemoryGuard {

    /** Share of the maximum heap a command may plan to use (the rest: the JVM, Coarse's own objects, slack). */
    static final double USABLE = 0.85;

    /**
     * When positive, the heap the guard compares with instead of this JVM's: for tests, which run a command against a
     * heap too small for it without needing arguments too large to write down.
     */
    static volatile long simulatedHeap;

    private MemoryGuard() {
    }

    /**
     * Fails with a {@link UserError} if {@code bytes} do not fit the heap of this JVM.
     *
     * @param what what the memory is for, e.g. "sample --L 20000 (configurations and neighbour table)"
     */
    public static void require(long bytes, String what) {
        long heap = simulatedHeap;
        require(bytes, heap > 0 ? heap : Runtime.getRuntime().maxMemory(), what);
    }

    /** As {@link #require(long, String)} for a heap of {@code maxHeap} bytes (tests). */
    static void require(long bytes, long maxHeap, String what) {
        if (bytes <= USABLE * maxHeap) {
            return;
        }
        long gib = 1L << 30;
        double neededHeap = bytes / USABLE;
        String suggestion = neededHeap > 1L << 50 ? "no heap can hold it"
                : "run with COARSE_JAVA_OPTS=-Xmx" + (long) Math.ceil(neededHeap / gib) + "g";
        throw new UserError(String.format(Locale.ROOT,
                "%s needs at least %s of memory, more than this JVM's heap of %s: %s, or make the run smaller",
                what, size(bytes), size(maxHeap), suggestion));
    }

    /** A byte count in words: "512 MiB", "12.3 GiB", "1.6 TiB". */
    public static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
