package dev.coarse.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link ArchitectureRules} fails on the broken layout under {@code dev.coarse.architecture.fixture},
 * naming the class that breaks it: a rule that passes on the code passes because the code is right, not because
 * the rule cannot fail.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURE = "dev.coarse.architecture.fixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    private static void failsNaming(ArchRule rule, JavaClasses classes, String breaker) {
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(FIXTURE + "." + breaker);
    }

    @Test
    void coreKnowsNoOuterModule() {
        failsNaming(RULES.coreKnowsNoOuterModule(), BROKEN, "lattice.CommandAwareLattice");
    }

    @Test
    void learnKnowsNoCliBenchOrSpark() {
        failsNaming(RULES.learnKnowsNoCliBenchOrSpark(), BROKEN, "learn.CliTrainedNetwork");
    }

    @Test
    void rgDoesNotSample() {
        failsNaming(RULES.rgDoesNotSample(), BROKEN, "rg.SamplingScan");
    }

    @Test
    void studyIsAboveTheAnalyses() {
        failsNaming(RULES.studyIsAboveTheAnalyses(), BROKEN, "data.StageCheckpoint");
    }

    @Test
    void cliUsesNoMcKernel() {
        failsNaming(RULES.cliUsesNoMcKernel(), BROKEN, "cli.HandMadeMajorityCommand");
    }

    @Test
    void cliImplementsNoPhysics() {
        failsNaming(RULES.cliImplementsNoPhysics(), BROKEN, "cli.HandMadeMajorityCommand");
    }

    @Test
    void cliTrainsNoNetwork() {
        failsNaming(RULES.cliTrainsNoNetwork(), BROKEN, "cli.HandMadeMajorityCommand");
    }

    @Test
    void moduleStaysInItsPackages() {
        // the fixture's classes as one "module" that claims only the cli package: the rg class is out of place
        failsNaming(RULES.moduleStaysInItsPackages("the fixture", RULES.packageOf("cli")), BROKEN, "rg.SamplingScan");
        failsNaming(RULES.coreStaysOutOfOuterPackages(), BROKEN, "cli.Command");
    }

    @Test
    void packagesFormNoCycle() {
        failsNaming(RULES.topLevelPackagesFormNoCycle(), BROKEN, "lattice.CommandAwareLattice");
        failsNaming(RULES.packagesFormNoCycle(), BROKEN, "lattice.CommandAwareLattice");
    }
}
