package dev.coarse.bench;

import dev.coarse.stats.Autocorrelation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * τ<sub>int</sub> of a peer's series with Coarse's estimator (Sokal's window over the chains' pooled
 * autocorrelation, {@link Autocorrelation#integratedTime(double[][])}), so that a peer's τ and Coarse's are
 * estimated alike. Reads little-endian doubles, sample-major: {@code [samples][chains]}, as written by
 * {@code peers/ising_multispin.c} in its |m|-series mode.
 *
 * <p>Usage: {@code TauOfSeries FILE chains}. Prints {@code RESULT peer=tau_series chains=… samples=… tau=…}.
 */
public final class TauOfSeries {

    private TauOfSeries() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TauOfSeries FILE chains");
            System.exit(2);
        }
        int chains;
        byte[] bytes;
        try {
            chains = Integer.parseInt(args[1]);
            bytes = Files.readAllBytes(Path.of(args[0]));
        } catch (NumberFormatException | IOException e) {
            System.err.println("TauOfSeries: " + e);
            System.exit(2);
            return;
        }
        if (chains < 1 || bytes.length == 0 || bytes.length % (Double.BYTES * chains) != 0) {
            System.err.println("TauOfSeries: " + bytes.length + " bytes is not a whole number of samples of "
                    + chains + " doubles");
            System.exit(2);
        }
        int samples = bytes.length / (Double.BYTES * chains);
        double[][] series = new double[chains][samples];
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < samples; t++) {
            for (int c = 0; c < chains; c++) {
                series[c][t] = in.getDouble();
            }
        }
        double tau = Autocorrelation.integratedTime(series);
        System.out.println(String.format(Locale.ROOT, "RESULT peer=tau_series chains=%d samples=%d tau=%.4f",
                chains, samples, tau));
    }
}
