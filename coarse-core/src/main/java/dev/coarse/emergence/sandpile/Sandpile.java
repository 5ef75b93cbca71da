package dev.coarse.emergence.sandpile;

import java.util.Arrays;

/**
 * The Bak–Tang–Wiesenfeld abelian sandpile on an L×L grid with open boundaries (Bak, Tang &amp; Wiesenfeld 1987;
 * Dhar 1990): heights z<sub>i</sub> ≥ 0, a site with z<sub>i</sub> ≥ 4 topples, losing 4 grains and giving one to each
 * neighbour; grains given across the edge of the grid leave the system (the sink).
 *
 * <p>The state is mutable and lives here alone: {@link #addGrain} writes the heights and the figures of the
 * avalanche it caused. Toppling is stack-based (no recursion) and proceeds in waves: wave t holds exactly the sites
 * unstable after wave t − 1, each toppling once, which is the parallel (synchronous) update; the duration of an
 * avalanche is its number of waves and its activity at step t the number of topplings in wave t. By the abelian
 * property the final configuration and the number of topplings of every site do not depend on this order.
 *
 * <p>Heights live in an (L+2)×(L+2) array whose frame is the sink: its cells start at a large negative value so they
 * never reach the threshold, and are re-based before they could overflow.
 */
public final class Sandpile {

    /** Toppling threshold: a site with this many grains or more is unstable (4 = the coordination number). */
    public static final int THRESHOLD = 4;
    private static final int SINK_BASE = Integer.MIN_VALUE / 2;
    private static final long SINK_REBASE_AFTER = 1L << 29;

    private final int linearSize;
    private final int stride;
    private final int[] height;
    private final int[] frame;
    private int[] wave;
    private int[] nextWave;
    private final int[] stamp;
    private int avalancheId;
    private long dissipated;
    private long sinceRebase;

    private long lastSize;
    private int lastArea;
    private int lastDuration;

    private int[] activity;
    private int activityLength;

    private Sandpile(int linearSize) {
        if (linearSize < 1 || linearSize > 8192) {
            throw new IllegalArgumentException("L must be in 1 … 8192, got " + linearSize);
        }
        this.linearSize = linearSize;
        this.stride = linearSize + 2;
        this.height = new int[stride * stride];
        int n = linearSize * linearSize;
        this.wave = new int[n];
        this.nextWave = new int[n];
        this.stamp = new int[stride * stride];
        this.frame = new int[4 * (linearSize + 1)];
        int f = 0;
        for (int x = 0; x < stride; x++) {
            for (int y = 0; y < stride; y++) {
                if (x == 0 || y == 0 || x == stride - 1 || y == stride - 1) {
                    frame[f++] = x * stride + y;
                    height[x * stride + y] = SINK_BASE;
                }
            }
        }
    }

    /** The empty pile (all heights 0; transient, not recurrent). */
    public static Sandpile empty(int linearSize) {
        return new Sandpile(linearSize);
    }

    /** The maximal stable pile, all heights 3: recurrent, so driving it never leaves the recurrent set. */
    public static Sandpile maximal(int linearSize) {
        Sandpile pile = new Sandpile(linearSize);
        for (int x = 0; x < linearSize; x++) {
            for (int y = 0; y < linearSize; y++) {
                pile.height[pile.index(x, y)] = THRESHOLD - 1;
            }
        }
        return pile;
    }

    /** A stable pile with the given heights, row-major (each 0 … 3). */
    public static Sandpile of(int linearSize, int[] heights) {
        Sandpile pile = new Sandpile(linearSize);
        if (heights.length != linearSize * linearSize) {
            throw new IllegalArgumentException("expected " + linearSize * linearSize + " heights, got " + heights.length);
        }
        for (int i = 0; i < heights.length; i++) {
            if (heights[i] < 0 || heights[i] >= THRESHOLD) {
                throw new IllegalArgumentException("stable heights are 0 … 3, got " + heights[i] + " at " + i);
            }
            pile.height[pile.index(i / linearSize, i % linearSize)] = heights[i];
        }
        return pile;
    }

    public int linearSize() {
        return linearSize;
    }

    /** Number of sites, L². */
    public int sites() {
        return linearSize * linearSize;
    }

    /** Height of site (x, y), 0 ≤ x, y &lt; L. */
    public int height(int x, int y) {
        return height[index(x, y)];
    }

    /** The heights, row-major (a copy). */
    public int[] heights() {
        int[] h = new int[sites()];
        for (int i = 0; i < h.length; i++) {
            h[i] = height[index(i / linearSize, i % linearSize)];
        }
        return h;
    }

    /** Grains that have left through the open boundary since the pile was made. */
    public long dissipated() {
        long inFrame = 0;
        for (int c : frame) {
            inFrame += height[c] - (long) SINK_BASE;
        }
        return dissipated + inFrame;
    }

    /**
     * From now on, the number of topplings of every parallel step is appended to {@code buffer} (avalanche after
     * avalanche, with no quiet steps between them) until it is full; {@code null} stops recording.
     */
    public void recordActivity(int[] buffer) {
        this.activity = buffer;
        this.activityLength = 0;
    }

    /** Steps recorded in the activity buffer so far. */
    public int recordedActivity() {
        return activityLength;
    }

    /** Adds one grain at site {@code site} = x·L + y and relaxes the pile; returns the number of topplings. */
    public long addGrain(int site) {
        if (site < 0 || site >= sites()) {
            throw new IndexOutOfBoundsException("site " + site + " outside 0 … " + (sites() - 1));
        }
        int cell = index(site / linearSize, site % linearSize);
        lastSize = 0;
        lastArea = 0;
        lastDuration = 0;
        if (++height[cell] < THRESHOLD) {
            return 0;
        }
        relax(cell);
        if (sinceRebase > SINK_REBASE_AFTER) {
            rebaseSink();
        }
        return lastSize;
    }

    /** Topplings of the last avalanche (its size s). */
    public long lastSize() {
        return lastSize;
    }

    /** Distinct sites that toppled in the last avalanche (its area a). */
    public int lastArea() {
        return lastArea;
    }

    /** Parallel steps of the last avalanche (its duration T; 0 if nothing toppled). */
    public int lastDuration() {
        return lastDuration;
    }

    /** The relaxation kernel. Writes: height, wave buffers, stamp, the last-avalanche fields, activity. */
    private void relax(int start) {
        final int[] h = height;
        final int[] st = stamp;
        final int s = stride;
        int id = ++avalancheId;
        if (id == Integer.MAX_VALUE) {
            Arrays.fill(st, 0);
            avalancheId = id = 1;
        }
        int[] cur = wave;
        int[] next = nextWave;
        cur[0] = start;
        int curLength = 1;
        long size = 0;
        int area = 0;
        int duration = 0;
        while (curLength > 0) {
            int nextLength = 0;
            for (int k = 0; k < curLength; k++) {
                int c = cur[k];
                int left = h[c] - THRESHOLD;
                h[c] = left;
                if (left >= THRESHOLD) {
                    next[nextLength++] = c;
                }
                if (st[c] != id) {
                    st[c] = id;
                    area++;
                }
                if (++h[c - 1] == THRESHOLD) {
                    next[nextLength++] = c - 1;
                }
                if (++h[c + 1] == THRESHOLD) {
                    next[nextLength++] = c + 1;
                }
                if (++h[c - s] == THRESHOLD) {
                    next[nextLength++] = c - s;
                }
                if (++h[c + s] == THRESHOLD) {
                    next[nextLength++] = c + s;
                }
            }
            size += curLength;
            duration++;
            if (activity != null && activityLength < activity.length) {
                activity[activityLength++] = curLength;
            }
            int[] t = cur;
            cur = next;
            next = t;
            curLength = nextLength;
        }
        wave = cur;
        nextWave = next;
        lastSize = size;
        lastArea = area;
        lastDuration = duration;
        sinceRebase += size;
    }

    private void rebaseSink() {
        for (int c : frame) {
            dissipated += height[c] - (long) SINK_BASE;
            height[c] = SINK_BASE;
        }
        sinceRebase = 0;
    }

    private int index(int x, int y) {
        return (x + 1) * stride + (y + 1);
    }
}
