package dev.coarse.emergence.sandpile;

import java.util.random.RandomGenerator;

/**
 * The avalanches of a driven sandpile, one per added grain after the burn-in: size s (topplings), area a (distinct
 * sites toppled) and duration T (parallel steps), with the activity time series (topplings per parallel step,
 * avalanches back to back) of the first avalanches, up to the buffer given.
 *
 * @param linearSize L of the L×L grid
 * @param seed       the seed of the sites the grains were dropped on
 * @param burnIn     grains added and discarded before recording, starting from the all-3 (recurrent) pile
 * @param sizes      s of each recorded avalanche (0 if the grain caused no toppling)
 * @param areas      a of each recorded avalanche
 * @param durations  T of each recorded avalanche
 * @param activity   topplings per parallel step of the first avalanches
 */
public record AvalancheSeries(int linearSize, long seed, long burnIn, long[] sizes, int[] areas, int[] durations,
        int[] activity) {

    public AvalancheSeries {
        if (sizes.length != areas.length || sizes.length != durations.length) {
            throw new IllegalArgumentException("sizes, areas and durations must have equal lengths");
        }
        if (sizes.length < 2) {
            throw new IllegalArgumentException("need at least 2 avalanches, got " + sizes.length);
        }
        if (burnIn < 0 || linearSize < 1) {
            throw new IllegalArgumentException("burn-in must be ≥ 0 and L ≥ 1");
        }
    }

    /** Grains recorded. */
    public int grains() {
        return sizes.length;
    }

    /**
     * Drives the all-3 L×L pile with {@code burnIn} + {@code grains} grains, each at a uniformly random site drawn from
     * {@code random}, recording the last {@code grains} avalanches and up to {@code activitySteps} steps of activity.
     */
    public static AvalancheSeries drive(int linearSize, long burnIn, int grains, int activitySteps, long seed,
            RandomGenerator random) {
        if (grains < 2 || burnIn < 0 || activitySteps < 0) {
            throw new IllegalArgumentException("need grains ≥ 2, burn-in ≥ 0, activity steps ≥ 0; got " + grains + ", "
                    + burnIn + ", " + activitySteps);
        }
        Sandpile pile = Sandpile.maximal(linearSize);
        int n = pile.sites();
        for (long g = 0; g < burnIn; g++) {
            pile.addGrain(random.nextInt(n));
        }
        int[] activity = new int[activitySteps];
        pile.recordActivity(activity);
        long[] sizes = new long[grains];
        int[] areas = new int[grains];
        int[] durations = new int[grains];
        for (int g = 0; g < grains; g++) {
            sizes[g] = pile.addGrain(random.nextInt(n));
            areas[g] = pile.lastArea();
            durations[g] = pile.lastDuration();
        }
        int recorded = pile.recordedActivity();
        return new AvalancheSeries(linearSize, seed, burnIn, sizes, areas, durations,
                recorded == activity.length ? activity : java.util.Arrays.copyOf(activity, recorded));
    }
}
