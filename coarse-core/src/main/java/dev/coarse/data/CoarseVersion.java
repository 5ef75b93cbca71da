package dev.coarse.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Coarse that wrote an output, recorded in every file it writes. */
public final class CoarseVersion {

    private static final String VERSION = load();

    private CoarseVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = CoarseVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
