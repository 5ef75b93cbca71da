package dev.coarse.cli.dynamics;

import dev.coarse.cli.command.UserError;
import dev.coarse.dynamics.Partition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An initial partition file: one whole-number label per state, separated by white space or commas. */
final class PartitionLabels {

    private PartitionLabels() {
    }

    /** The partition of {@code states} states labelled in {@code initial}, or a {@link UserError}. */
    static Partition read(Path initial, int states) throws IOException {
        String text;
        try {
            text = Files.readString(initial).trim();
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + initial);
        }
        String[] parts = text.isEmpty() ? new String[0] : text.split("[\\s,]+");
        if (parts.length != states) {
            throw new UserError(initial + " has " + parts.length + " labels, the chain has " + states + " states");
        }
        int[] labels = new int[states];
        for (int i = 0; i < states; i++) {
            try {
                labels[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new UserError(initial + ": label " + (i + 1) + " '" + parts[i] + "' is not a whole number");
            }
        }
        return Partition.ofLabels(labels);
    }
}
