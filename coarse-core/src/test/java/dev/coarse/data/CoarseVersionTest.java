package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The code version recorded in files: the Maven version, plus the build's git commit when it had one. */
class CoarseVersionTest {

    @Test
    void theCommitAndDirtinessFollowTheVersion() {
        assertThat(CoarseVersion.of("0.1.0-SNAPSHOT", "1a2b3c4", "false")).isEqualTo("0.1.0-SNAPSHOT+1a2b3c4");
        assertThat(CoarseVersion.of("0.1.0-SNAPSHOT", "1a2b3c4", "true")).isEqualTo("0.1.0-SNAPSHOT+1a2b3c4.dirty");
        // two dirty builds of one commit: the hash of their changes tells them apart
        assertThat(CoarseVersion.of("0.1.0-SNAPSHOT", "1a2b3c4", "5e6f7a8"))
                .isEqualTo("0.1.0-SNAPSHOT+1a2b3c4.dirty.5e6f7a8");
        assertThat(CoarseVersion.of("0.1.0-SNAPSHOT", "1a2b3c4", "not-a-hash")).isEqualTo("0.1.0-SNAPSHOT+1a2b3c4");
    }

    /** A build without git leaves the resource's placeholders unreplaced: the plain version, not "+${git…}". */
    @Test
    void withoutGitTheVersionIsPlain() {
        assertThat(CoarseVersion.of("0.1.0-SNAPSHOT", "${git.commit.id.abbrev}", "${git.dirty}"))
                .isEqualTo("0.1.0-SNAPSHOT");
        assertThat(CoarseVersion.of("0.1.0-SNAPSHOT", "", "")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(CoarseVersion.of("0.1.0-SNAPSHOT", null, null)).isEqualTo("0.1.0-SNAPSHOT");
    }

    @Test
    void theBuiltVersionStartsWithTheMavenVersion() {
        assertThat(CoarseVersion.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?(\\+[0-9a-f]{7,40}(\\.dirty(\\.[0-9a-f]{7,64})?)?)?");
    }
}
