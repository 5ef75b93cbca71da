package dev.coarse.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link ArchitectureRules} fails on the broken layout under {@code dev.coarse.architecture.fixture},
 * naming the class that breaks it: a rule that passes on the code passes because the code is right, not because
 * the rule cannot fail.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURE = "dev.coarse.architecture.fixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    /** Each rule with the fixture class that breaks it. */
    static Stream<Arguments> rulesAndBreakers() {
        return Stream.of(
                arguments(RULES.coreKnowsNoOuterModule(), "lattice.CommandAwareLattice"),
                arguments(RULES.learnKnowsNoCliBenchOrSpark(), "learn.CliTrainedNetwork"),
                arguments(RULES.rgDoesNotSample(), "rg.SamplingScan"),
                arguments(RULES.studyIsAboveTheAnalyses(), "data.StageCheckpoint"),
                arguments(RULES.cliUsesNoMcKernel(), "cli.HandMadeMajorityCommand"),
                arguments(RULES.cliImplementsNoPhysics(), "cli.HandMadeMajorityCommand"),
                arguments(RULES.cliTrainsNoNetwork(), "cli.HandMadeMajorityCommand"),
                arguments(RULES.noNumberArithmeticOnArrays(), "learn.HalvedLoss"),
                // the fixture's classes as one "module" that claims only the cli package: the rg class is out of place
                arguments(RULES.moduleStaysInItsPackages("the fixture", RULES.packageOf("cli")), "rg.SamplingScan"),
                arguments(RULES.coreStaysOutOfOuterPackages(), "cli.Command"),
                arguments(RULES.topLevelPackagesFormNoCycle(), "lattice.CommandAwareLattice"),
                arguments(RULES.packagesFormNoCycle(), "lattice.CommandAwareLattice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndBreakers")
    void failsNamingTheClassThatBreaksIt(ArchRule rule, String breaker) {
        assertThatThrownBy(() -> rule.check(BROKEN)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(FIXTURE + "." + breaker);
    }
}
