package dev.coarse.cli.rg;

import dev.coarse.cli.command.UserError;
import dev.coarse.data.DataShape;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.data.SpinEncoding;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.CoarseGrainingRules;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.TieBreak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The coarse-graining options shared by {@code coarse rg coarsen|mcrg|couplings} ({@code --rule --b --ties
 * --levels --seed}) and the one way those commands turn an ensemble file into levels 0 … n.
 *
 * <p>Semantics: a plain (one-level) file is coarse-grained {@code --levels} times with the rule. A multi-level
 * file (written by {@code coarse rg coarsen}) is used as stored: its levels are taken in order, {@code --levels}
 * (default: all stored) keeps levels 0 … n, and a {@code --rule}/{@code --b} given on the command line must agree
 * with the file's provenance; nothing is re-coarsened.
 */
final class RgInput {

    @Option(names = "--rule", paramLabel = "NAME", description = "Coarse-graining rule: majority or decimation (default majority).")
    String rule;

    @Option(names = "--b", paramLabel = "B", description = "Block size b (default 2).")
    Integer b;

    @Option(names = "--ties", defaultValue = "coin", paramLabel = "coin|fixed",
            description = "Majority ties (even b): coin = a seeded random block spin, fixed = the block's first site (default ${DEFAULT-VALUE}).")
    String ties;

    @Option(names = "--levels", paramLabel = "N", description = "Number of coarse-graining steps.")
    Integer levels;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the tie coins (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--encoding", defaultValue = "pm1", paramLabel = "pm1|01",
            description = "How the file stores spins: pm1 = -1/+1 (Coarse's files), 01 = 0/1 bits read as s = 2b - 1 (default ${DEFAULT-VALUE}).")
    String encoding;

    /** Default rule name. */
    static final String DEFAULT_RULE = "majority";
    /** Default block size. */
    static final int DEFAULT_B = 2;

    /** The rule from --rule, --b, --ties (defaults majority, 2, coin). */
    CoarseGraining rule() {
        int block = b == null ? DEFAULT_B : b;
        if (block < 2) {
            throw new UserError("--b must be at least 2, got " + block);
        }
        return CoarseGrainingRules.byName(rule == null ? DEFAULT_RULE : rule, block, tieBreak());
    }

    TieBreak tieBreak() {
        return switch (ties.toLowerCase(Locale.ROOT)) {
            case "coin" -> TieBreak.COIN;
            case "fixed" -> TieBreak.FIXED_SITE;
            default -> throw new UserError("unknown --ties '" + ties + "' (known: coin, fixed)");
        };
    }

    /**
     * Reads every level of {@code file} with the spin encoding of {@code --encoding}, failing with one line for a
     * missing, damaged or empty file or values that are not the model's.
     */
    List<Ensemble> read(Path file) throws IOException {
        SpinEncoding spins;
        try {
            spins = SpinEncoding.ofId(encoding);
        } catch (IllegalArgumentException e) {
            throw new UserError("--encoding: " + e.getMessage());
        }
        if (!Files.exists(file)) {
            throw new UserError(file + " does not exist");
        }
        List<Ensemble> stored = EnsembleFile.readLevels(file, spins);
        requireNonEmpty(file, stored.get(0));
        return stored;
    }

    /**
     * The samples and the sites of each level that {@link #read} and {@link #levels} will hold for {@code file}, from
     * its header alone: every stored level of a multi-level file, else level 0 and its {@code coarseGrainings}.
     */
    HeldLevels heldLevels(Path file, int coarseGrainings) throws IOException {
        if (!Files.exists(file)) {
            throw new UserError(file + " does not exist");
        }
        List<EnsembleFile.LevelInfo> info = EnsembleFile.levels(file);
        long[] sites;
        if (info.size() > 1) {
            sites = info.stream().mapToLong(l -> DataShape.ofEnsembleLevel(l).values()).toArray();
        } else {
            int n = Math.max(0, coarseGrainings);
            double shrink = Math.pow(rule().scaleFactor(), info.get(0).meta().dimension());
            sites = new long[n + 1];
            double s = DataShape.ofEnsembleLevel(info.get(0)).values();
            for (int k = 0; k <= n; k++, s /= shrink) {
                sites[k] = (long) Math.max(1, s);
            }
        }
        return new HeldLevels(info.get(0).sampleCount(), info.get(0).meta().dimension(), sites);
    }

    /** What {@link #heldLevels} finds: N samples of a d-dimensional lattice, and the sites of each level held. */
    record HeldLevels(long samples, int dimension, long[] sites) {
        HeldLevels {
            if (samples < 0 || sites.length == 0) {
                throw new IllegalArgumentException("samples must be >= 0 and at least one level held");
            }
        }
    }

    static void requireNonEmpty(Path file, Ensemble e) {
        if (e.size() == 0) {
            throw new UserError(file + " holds an empty ensemble (no configurations)");
        }
    }

    /** Fails unless the ensemble is an Ising model (±1 spins), naming what it is. */
    static void requireIsing(Path file, Ensemble e, String what) {
        if (!e.meta().model().startsWith("ising")) {
            throw new UserError(what + " needs an Ising ensemble (±1 spins); " + file + " holds a "
                    + e.meta().model() + (e.meta().model().startsWith("potts") ? " (q = " + e.meta().q() + ")" : "")
                    + " ensemble");
        }
    }

    /**
     * Levels 0 … n: from a multi-level file as stored, else by coarse-graining level 0 (see the class comment).
     *
     * @param defaultLevels levels when --levels is not given and the file has one level
     */
    List<Ensemble> levels(Path file, List<Ensemble> stored, int defaultLevels) {
        if (stored.size() > 1) {
            return storedLevels(file, stored);
        }
        Ensemble base = stored.get(0);
        CoarseGraining r = rule();
        int n = levels == null ? defaultLevels : levels;
        checkLevels(base.lattice(), r, n);
        return Coarsener.iterate(base, r, n, seed);
    }

    /** Fails with one line unless {@code n} steps of {@code r} fit on {@code lattice}, naming the maximum. */
    static void checkLevels(Lattice lattice, CoarseGraining r, int n) {
        if (n < 0) {
            throw new UserError("--levels must be ≥ 0, got " + n);
        }
        int block = (int) r.scaleFactor();
        if (n > 0 && lattice.linearSize() % block != 0) {
            throw new UserError("b = " + block + " does not divide L = " + lattice.linearSize()
                    + (block == 2 ? " (odd lattice)" : "") + ": cannot apply " + r.name());
        }
        int max = Coarsener.maxLevels(lattice, r);
        if (n > max) {
            throw new UserError("--levels " + n + " is more than L = " + lattice.linearSize() + " allows with "
                    + r.name() + " b = " + block + " (at most " + max + ", keeping a coarse L ≥ 2)");
        }
    }

    private List<Ensemble> storedLevels(Path file, List<Ensemble> stored) {
        Ensemble top = stored.get(1);
        String storedRule = top.meta().provenance().get("rule");
        String storedB = top.meta().provenance().get("b");
        if (rule != null && !rule.equals(storedRule)) {
            throw new UserError(file + " holds levels coarse-grained with " + storedRule + ", not " + rule
                    + " (omit --rule to use the stored levels, or coarse-grain a one-level file)");
        }
        if (b != null && !Integer.toString(b).equals(storedB)) {
            throw new UserError(file + " holds levels coarse-grained with b = " + storedB + ", not " + b);
        }
        for (int i = 1; i < stored.size(); i++) {
            String level = stored.get(i).meta().provenance().get("level");
            if (!Integer.toString(i).equals(level) || !String.valueOf(storedRule).equals(
                    stored.get(i).meta().provenance().get("rule"))) {
                throw new UserError(file + ": level " + i + " is not step " + i + " of one coarse-graining (provenance level="
                        + level + ", rule=" + stored.get(i).meta().provenance().get("rule") + ")");
            }
            if (stored.get(i).size() != stored.get(0).size()) {
                throw new UserError(file + ": level " + i + " has " + stored.get(i).size() + " samples, level 0 has "
                        + stored.get(0).size());
            }
        }
        int available = stored.size() - 1;
        int n = levels == null ? available : levels;
        if (n < 0 || n > available) {
            throw new UserError("--levels " + n + " but " + file + " stores coarse levels 1.." + available
                    + " (at most " + available + "; run rg coarsen on a one-level file for more)");
        }
        return stored.subList(0, n + 1);
    }
}
