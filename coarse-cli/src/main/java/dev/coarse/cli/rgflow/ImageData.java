package dev.coarse.cli.rgflow;

import dev.coarse.cli.command.UserError;
import dev.coarse.data.ImageFolder;
import dev.coarse.learn.msds.Msds;
import dev.coarse.learn.rgflow.ImageSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The images a command trains or evaluates on: MSDS1/MSDS2 generated on the fly, or a folder of PNGs. */
public final class ImageData {

    @Option(names = "--data", defaultValue = "msds1", paramLabel = "msds1|msds2|FOLDER",
            description = "Images: the MSDS1 or MSDS2 toy set (32×32 RGB, generated), or a folder of PNGs of one size,"
                    + " a power of two (default ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--train", defaultValue = "4000", description = "MSDS: training images (default ${DEFAULT-VALUE}).")
    int train;

    @Option(names = "--test", defaultValue = "1000", description = "Held-out images: MSDS generates them; from a folder"
            + " the last ones are held out (default ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--data-seed", defaultValue = "1", description = "MSDS: the generator's seed (default ${DEFAULT-VALUE}).")
    long dataSeed;

    /** Training and held-out images. */
    public record Sets(String description, ImageSet train, ImageSet test) {
    }

    public Sets read() {
        if (train < 0 || test < 1) {
            throw new UserError("need --train >= 0 and --test >= 1, got " + train + ", " + test);
        }
        String name = data.toLowerCase(Locale.ROOT);
        if (name.equals("msds1") || name.equals("msds2")) {
            Msds.Split split = Msds.generate(name.equals("msds1") ? Msds.Variant.MSDS1 : Msds.Variant.MSDS2, train, test,
                    dataSeed);
            return new Sets(name.toUpperCase(Locale.ROOT) + " (seed " + dataSeed + ")",
                    split.train().isEmpty() ? null : ImageSet.ofMsds(split.train()), ImageSet.ofMsds(split.test()));
        }
        Path folder = Path.of(data);
        if (!Files.isDirectory(folder)) {
            throw new UserError("--data must be msds1, msds2 or a folder of PNG images; " + data + " is neither");
        }
        try {
            ImageFolder images = ImageFolder.read(folder);
            if (images.width() != images.height() || Integer.bitCount(images.width()) != 1 || images.width() < 2) {
                throw new UserError(folder + ": the flow needs square images of side 2^k, got " + images.width() + "×"
                        + images.height());
            }
            double[][] columns = new double[images.columnCount()][];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = images.column(j);
            }
            ImageSet all = ImageSet.ofColumns(columns, images.channels(), images.width());
            int n = all.count();
            if (test >= n) {
                throw new UserError(folder + " has " + n + " images; --test " + test + " leaves none to train on");
            }
            int[] trainIdx = new int[n - test];
            int[] testIdx = new int[test];
            for (int i = 0; i < n; i++) {
                if (i < n - test) {
                    trainIdx[i] = i;
                } else {
                    testIdx[i - (n - test)] = i;
                }
            }
            return new Sets(folder + " (" + n + " images)", all.select(trainIdx), all.select(testIdx));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
