package dev.coarse.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of Coarse that wrote an output, recorded in every file it writes and shown by {@code coarse --version}:
 * the Maven version and, when the build knew it, the git commit — {@code 0.1.0-SNAPSHOT+1a2b3c4}, with
 * {@code .dirty.5e6f7a8} when the tree had uncommitted changes, the last part a hash of those changes so that two
 * builds of one commit with different changes differ (SemVer build metadata). The build reads both with git in the
 * source tree, a clone or a linked worktree alike ({@code coarse-core/src/build/git-version.sh}); a build from a
 * source tree without git records the Maven version alone.
 */
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
            return of(p.getProperty("version", "unknown"), p.getProperty("commit", ""), p.getProperty("dirty", ""));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The version string of a build: {@code version+commit}; when {@code dirty} is the hexadecimal hash of the
     * uncommitted changes, {@code .dirty.<hash>} appended ({@code .dirty} alone when it is "true", as builds before
     * the hash recorded it); {@code version} alone when {@code commit} is not a hexadecimal commit id (the build had
     * no git, and the resource kept its unreplaced placeholder or an empty value).
     */
    static String of(String version, String commit, String dirty) {
        if (commit == null || !commit.matches("[0-9a-f]{7,40}")) {
            return version;
        }
        String changes = dirty == null ? "" : dirty.matches("[0-9a-f]{7,64}") ? ".dirty." + dirty
                : "true".equals(dirty) ? ".dirty" : "";
        return version + "+" + commit + changes;
    }
}
