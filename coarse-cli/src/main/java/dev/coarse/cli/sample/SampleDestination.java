package dev.coarse.cli.sample;

import dev.coarse.cli.command.UserError;
import dev.coarse.data.CheckpointDirectory;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleFile;
import dev.coarse.mc.CheckpointCadence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where {@code coarse sample} keeps what it samples (a picocli mixin): the ensemble file ({@code --out}), the
 * checkpoint directory of finished chains and of the progress of unfinished ones ({@code --checkpoint}, saved as often
 * as {@code --checkpoint-minutes} and {@code --checkpoint-sweeps} say, continued with {@code --resume}) and
 * {@code --force}, which lets a run replace either.
 */
final class SampleDestination {

    @Option(names = "--out", paramLabel = "FILE.h5", description = "Write the configurations and metadata to this HDF5 file.")
    Path out;

    @Option(names = "--force", description = "Overwrite --out if it exists; discard an existing checkpoint directory.")
    boolean force;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Save each finished chain (multispin: 64-replica group) here; default with --out: FILE.h5.checkpoint. Removed after success.")
    Path checkpoint;

    @Option(names = "--checkpoint-minutes", paramLabel = "M", defaultValue = "5",
            description = "Also save each unfinished chain's state (configuration, generator, samples so far) every M"
                    + " minutes, so --resume continues it mid-chain (default ${DEFAULT-VALUE}; 0: not by time).")
    double checkpointMinutes;

    @Option(names = "--checkpoint-sweeps", paramLabel = "N", defaultValue = "0",
            description = "Also save each unfinished chain's state every N sweeps (default ${DEFAULT-VALUE}: by time only).")
    long checkpointSweeps;

    @Option(names = "--resume", description = "Continue an interrupted run from its checkpoint directory (same options required; --threads may differ).")
    boolean resume;

    /** How often unfinished chains are saved: --checkpoint-sweeps and --checkpoint-minutes. */
    CheckpointCadence cadence() {
        if (!(checkpointMinutes >= 0) || Double.isInfinite(checkpointMinutes)) {
            throw new UserError("--checkpoint-minutes must be a number >= 0 (0: not by time), got " + checkpointMinutes);
        }
        if (checkpointSweeps < 0) {
            throw new UserError("--checkpoint-sweeps must be >= 0 (0: not by count), got " + checkpointSweeps);
        }
        return new CheckpointCadence(checkpointSweeps, Duration.ofMillis(Math.round(checkpointMinutes * 60_000)));
    }

    /** The ensemble file, or null without --out. */
    Path out() {
        return out;
    }

    /** Fails, before anything is sampled, if --out exists and --force was not given. */
    void refuseToOverwrite() {
        if (out == null) {
            return;
        }
        if (!force && Files.exists(out)) {
            throw new UserError(out + " already exists (use --force to overwrite)");
        }
        Path parent = out.toAbsolutePath().getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UserError("cannot write --out " + out + ": " + p + " is a file, not a directory");
                }
                if (!Files.isWritable(p) && p.equals(parent)) {
                    throw new UserError("cannot write --out " + out + ": the directory " + p + " is not writable");
                }
                break;
            }
        }
    }

    /** Writes {@code ensemble} to --out (which must be given), replacing the file only with --force. */
    void write(Ensemble ensemble) throws IOException {
        EnsembleFile.write(out, ensemble, force);
    }

    /** The checkpoint directory of a run: {@code --checkpoint}, else {@code FILE.h5.checkpoint} beside --out. */
    static Path checkpointDirectory(Path checkpoint, Path out) {
        if (checkpoint != null) {
            return checkpoint;
        }
        return out == null ? null : out.resolveSibling(out.getFileName() + ".checkpoint");
    }

    /**
     * The checkpoint store of the run {@code identity} names ({@code ChainRunner.checkpointIdentity} or
     * {@code FieldChainRunner.checkpointIdentity}), or null without --out and --checkpoint: reopened with --resume
     * (which needs one that matches), started afresh otherwise (an existing one needs --resume or --force; a directory
     * that is not a checkpoint must be empty).
     */
    CheckpointDirectory openCheckpoint(Map<String, String> identity) throws IOException {
        Path dir = checkpointDirectory(checkpoint, out);
        if (dir == null) {
            if (resume) {
                throw new UserError("--resume needs --out or --checkpoint: there is no checkpoint directory to resume");
            }
            return null;
        }
        if (resume) {
            if (!CheckpointDirectory.exists(dir)) {
                throw new UserError("--resume: no checkpoint in " + dir + " (nothing to resume; run without --resume)");
            }
            try {
                return CheckpointDirectory.resume(dir, identity);
            } catch (CheckpointDirectory.MismatchException e) {
                throw new UserError(e.getMessage() + ": resume with the same options, or drop --resume and pass"
                        + " --force to start over", e);
            } catch (CheckpointDirectory.VersionMismatchException e) {
                throw new UserError(UserError.oneLine(e.getMessage()) + ": resume with that version, or drop --resume"
                        + " and pass --force to start over", e);
            } catch (CheckpointDirectory.CorruptException e) {
                throw new UserError(UserError.oneLine(e.getMessage()) + "; refusing to use it: drop --resume and pass"
                        + " --force to start over", e);
            }
        }
        if (CheckpointDirectory.exists(dir)) {
            if (!force) {
                throw new UserError(dir + " exists (checkpoint of an interrupted run): pass --resume to continue it"
                        + " or --force to start over");
            }
            CheckpointDirectory.delete(dir);
        }
        return CheckpointDirectory.create(dir, identity);
    }
}
