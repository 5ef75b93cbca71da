package dev.coarse.cli.msds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.cli.command.Output;
import dev.coarse.cli.command.Seed;
import dev.coarse.cli.command.UserError;
import dev.coarse.data.Json;
import dev.coarse.learn.msds.Msds;
import dev.coarse.learn.msds.MsdsImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coarse msds}: {@link Msds#generate} written as PNG folders. */
@Command(name = "msds", mixinStandardHelpOptions = true,
        description = {"Write the multi-scale toy datasets of RG-Flow (Hu et al. 2020) as PNG folders: 32×32 RGB images,"
                + " a 4×4 grid of ellipses; MSDS1 one colour per image and random orientations, MSDS2 one orientation"
                + " per image and random colours. DIR/train and DIR/test hold img00000.png, …",
            "Example: ./coarse msds --kind 1 --train 1000 --test 200 --seed 7 --out msds1 && ./coarse reduce"
                + " msds1/train --method corex --factors 16 --report msds1-report"})
public final class MsdsCommand implements Callable<Integer> {

    /** The training images' folder inside {@code --out}. */
    public static final String TRAIN = "train";
    /** The test images' folder inside {@code --out}. */
    public static final String TEST = "test";

    @Option(names = "--kind", defaultValue = "1", paramLabel = "1|2", description = "MSDS1 or MSDS2 (default ${DEFAULT-VALUE}).")
    int kind;

    @Option(names = "--train", defaultValue = "1000", paramLabel = "N",
            description = "Training images (default ${DEFAULT-VALUE}).")
    int train;

    @Option(names = "--test", defaultValue = "200", paramLabel = "N",
            description = "Test images, drawn from a stream of their own: the same for every --train (default ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write DIR/train and DIR/test into.")
    Path out;

    @Option(names = "--force", description = "Write into DIR/train and DIR/test even if they hold files (replacing"
            + " images of the same names).")
    boolean force;

    @Mixin
    Seed seed;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (kind != 1 && kind != 2) {
            throw new UserError("--kind must be 1 or 2 (MSDS1 or MSDS2), got " + kind);
        }
        if (train < 0 || test < 0 || train + test == 0) {
            throw new UserError("--train and --test must be ≥ 0 and not both 0, got " + train + " and " + test);
        }
        Path trainDir = out.resolve(TRAIN);
        Path testDir = out.resolve(TEST);
        for (Path dir : new Path[] {trainDir, testDir}) {
            if (!force && holdsFiles(dir)) {
                throw new UserError(dir + " already holds files (use --force to write into it, or another --out)");
            }
        }
        Msds.Variant variant = kind == 1 ? Msds.Variant.MSDS1 : Msds.Variant.MSDS2;
        Msds.Split split = Msds.generate(variant, train, test, seed.value());
        Msds.writePngs(trainDir, split.train());
        Msds.writePngs(testDir, split.test());
        if (output.json()) {
            ObjectNode root = Json.object();
            root.put("dataset", variant.name().toLowerCase(Locale.ROOT));
            root.put("seed", seed.value());
            root.put("size", MsdsImage.SIZE);
            root.put("train", train);
            root.put("test", test);
            root.put("train_dir", trainDir.toString());
            root.put("test_dir", testDir.toString());
            output.print(root);
        } else {
            output.out().printf(Locale.ROOT, "%s: %d training images in %s, %d test images in %s (%d×%d RGB, seed %d)%n",
                    variant, train, trainDir, test, testDir, MsdsImage.SIZE, MsdsImage.SIZE, seed.value());
            output.out().flush();
        }
        return 0;
    }

    private static boolean holdsFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }
}
