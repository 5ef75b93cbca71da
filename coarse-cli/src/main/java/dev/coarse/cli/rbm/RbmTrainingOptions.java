package dev.coarse.cli.rbm;

import dev.coarse.cli.command.Seed;
import dev.coarse.learn.rbm.RbmTrainer;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The RBM training options shared by {@code rbm train} and {@code rbm stack} (a picocli mixin). Options left
 * out take the command's own defaults ({@link #config(RbmTrainer.Config)}), which differ between the two.
 * Without {@code --quiet} training reports its progress as lines {@code coarse rbm <command>: …} on stderr
 * ({@link #report}), which stay readable in a log where a bar would not.
 */
final class RbmTrainingOptions {

    @Option(names = "--cd", description = "Gibbs steps k of CD-k (train: 1, stack: 1).")
    Integer cdSteps;

    @Option(names = "--pcd", description = "Persistent CD instead of CD-k from the data.")
    boolean persistent;

    @Option(names = "--epochs", description = "Passes over the data, per layer for stack (train: 10, stack: 5).")
    Integer epochs;

    @Option(names = "--lr", description = "Learning rate (train: 0.05, stack: 0.01).")
    Double learningRate;

    @Option(names = "--momentum", description = "Momentum (default 0.5).")
    Double momentum;

    @Option(names = "--l2", description = "L2 weight decay (default 0).")
    Double l2;

    @Option(names = "--l1", description = "L1 penalty on the weights (train: 0, stack: 0.001).")
    Double l1;

    @Option(names = "--batch", description = "Mini-batch size (train: 64, stack: 50).")
    Integer batch;

    @Option(names = "--threads", defaultValue = "1",
            description = "Worker threads (same result for any count). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Mixin
    Seed seed;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The settings: each option given replaces the corresponding field of {@code defaults}; seed and threads always. */
    RbmTrainer.Config config(RbmTrainer.Config defaults) {
        return new RbmTrainer.Config(cdSteps != null ? cdSteps : defaults.cdSteps(),
                persistent || defaults.persistent(),
                learningRate != null ? learningRate : defaults.learningRate(),
                momentum != null ? momentum : defaults.momentum(),
                l2 != null ? l2 : defaults.weightDecay(),
                l1 != null ? l1 : defaults.l1(),
                batch != null ? batch : defaults.batchSize(),
                epochs != null ? epochs : defaults.epochs(),
                seed.value(), threads, defaults.trainBiases());
    }

    /** Prints one progress line, unless --quiet. */
    void report(String message) {
        if (!quiet) {
            PrintWriter err = command.commandLine().getErr();
            err.println(command.qualifiedName() + ": " + message);
            err.flush();
        }
    }
}
