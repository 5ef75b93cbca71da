package dev.coarse.rg;

import java.util.List;

/** The fixed rules by their CLI names, for commands and run specs ({@code --rule majority --b 2}). */
public final class CoarseGrainingRules {

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("majority", "decimation");

    private CoarseGrainingRules() {
    }

    /**
     * The rule of a given name and block size.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or b &lt; 1
     */
    public static CoarseGraining byName(String name, int blockSize, TieBreak tieBreak) {
        return switch (name) {
            case "majority" -> new MajorityRule(blockSize, tieBreak);
            case "decimation" -> new Decimation(blockSize);
            default -> throw new IllegalArgumentException("unknown coarse-graining rule '" + name + "' (known: "
                    + String.join(", ", NAMES) + "; linear filters and plaquettes are built in code)");
        };
    }
}
