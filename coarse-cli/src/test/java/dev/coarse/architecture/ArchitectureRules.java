package dev.coarse.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of DESIGN.md and issue 18, written once over a root package: {@link ArchitectureTest} checks
 * them on the code (root {@code dev.coarse}), {@link ArchitectureRulesCanFailTest} on a deliberately broken copy of
 * the layout (root {@code dev.coarse.architecture.fixture}), so that every rule is seen to fail when it should.
 *
 * <p>Modules are told apart by package: core is every package under the root except {@code learn}, {@code cli},
 * {@code bench} and {@code spark}; {@link #moduleStaysInItsPackages} checks that each module's classes really live
 * in its packages. Maven's reactor already forbids a module to import a module that depends on it (a cycle); these
 * rules also say so in words, catch a class put in another module's package, and cover the rules inside core.
 */
final class ArchitectureRules {

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    /** The package pattern of {@code name} and its sub-packages, e.g. {@code dev.coarse.mc..}. */
    String packageOf(String name) {
        return root + "." + name + "..";
    }

    private String[] outerModules() {
        return new String[] {packageOf("learn"), packageOf("cli"), packageOf("bench"), packageOf("spark")};
    }

    /** DESIGN.md: core knows nothing of learn, cli, spark or bench. */
    ArchRule coreKnowsNoOuterModule() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackages(outerModules())
                .should().dependOnClassesThat().resideInAnyPackage(outerModules())
                .as("core depends on nothing of learn, cli, bench or spark");
    }

    /** DESIGN.md: learn depends on core (and DJL), never on the command line, the benchmarks or Spark. */
    ArchRule learnKnowsNoCliBenchOrSpark() {
        return noClasses().that().resideInAPackage(packageOf("learn"))
                .should().dependOnClassesThat()
                .resideInAnyPackage(packageOf("cli"), packageOf("bench"), packageOf("spark"))
                .as("learn depends on nothing of cli, bench or spark");
    }

    /** Issue 18: rg analyses configurations it is given; sampling them is the study layer's job. */
    ArchRule rgDoesNotSample() {
        return noClasses().that().resideInAPackage(packageOf("rg"))
                .should().dependOnClassesThat().resideInAPackage(packageOf("mc"))
                .as("rg does not depend on mc");
    }

    /** Issue 18: the study layer sits above mc, rg, info and data, which know nothing of it. */
    ArchRule studyIsAboveTheAnalyses() {
        return noClasses().that().resideInAnyPackage(packageOf("lattice"), packageOf("configuration"),
                        packageOf("model"), packageOf("exact"), packageOf("mc"), packageOf("stats"), packageOf("info"),
                        packageOf("rg"), packageOf("data"), packageOf("tensor"))
                .should().dependOnClassesThat().resideInAPackage(packageOf("study"))
                .as("lattice, configuration, model, exact, mc, stats, info, rg, data and tensor do not depend on study");
    }

    /** Issue 18: the command line reaches the samplers through mc's public API, never a vector kernel. */
    ArchRule cliUsesNoMcKernel() {
        return noClasses().that().resideInAPackage(packageOf("cli"))
                .should().dependOnClassesThat().resideInAPackage(packageOf("mc.kernel"))
                .as("cli does not depend on mc.kernel");
    }

    /**
     * DESIGN.md: the CLI computes no physics. What a rule can see of that: no CLI class is a sampler, a coarse-graining
     * rule, an entropy estimator or a model (those live in core or learn, behind their interfaces).
     */
    ArchRule cliImplementsNoPhysics() {
        return noClasses().that().resideInAPackage(packageOf("cli"))
                .should().beAssignableTo(assignableTo(root + ".mc.Sampler")
                        .or(assignableTo(root + ".mc.FieldSampler"))
                        .or(assignableTo(root + ".rg.CoarseGraining"))
                        .or(assignableTo(root + ".info.EntropyEstimator"))
                        .or(assignableTo(root + ".model.Model")))
                .as("no cli class implements Sampler, FieldSampler, CoarseGraining, EntropyEstimator or Model");
    }

    /** The CLI trains no network itself: networks live in learn, which alone talks to DJL. */
    ArchRule cliTrainsNoNetwork() {
        return noClasses().that().resideInAPackage(packageOf("cli"))
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .as("cli does not depend on DJL");
    }

    /**
     * No arithmetic of a DJL array with a Java number outside {@code learn.engine.Scalars}: DJL makes the number a
     * tensor over a Java buffer that a garbage collection may free while autograd still holds it (wrong gradients,
     * NaN; see Scalars). Matched by name and parameter list on any owner, so that calls through DJL's interfaces and
     * through its PyTorch classes are both caught.
     */
    ArchRule noNumberArithmeticOnArrays() {
        java.util.Set<String> names = java.util.Set.of("add", "sub", "mul", "div", "pow", "maximum", "minimum", "addi",
                "subi", "muli", "divi", "powi", "rsub", "rdiv", "rsubi", "rdivi");
        return noClasses().that().doNotHaveFullyQualifiedName(root + ".learn.engine.Scalars")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "NDArray arithmetic with a Number", call -> call.getTargetOwner().isAssignableTo(
                                "ai.djl.ndarray.NDArray") && names.contains(call.getName())
                                && call.getTarget().getRawParameterTypes().size() == 1
                                && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Number.class)))
                .as("no DJL array arithmetic with a Java number outside learn.engine.Scalars");
    }

    /**
     * A module's classes live in its own packages: a CLI class put in a core package could use that package's
     * package-private kernels, which the compiler otherwise keeps from the CLI. Checked on the classes of one module
     * (imported from its jar or class directory); {@code packages} are the module's package patterns.
     */
    ArchRule moduleStaysInItsPackages(String module, String... packages) {
        return classes().should().resideInAnyPackage(packages)
                .as("the classes of " + module + " reside in " + String.join(", ", packages));
    }

    /** Core stays out of the outer modules' packages (its counterpart of {@link #moduleStaysInItsPackages}). */
    ArchRule coreStaysOutOfOuterPackages() {
        return classes().should().resideOutsideOfPackages(outerModules())
                .as("the classes of coarse-core reside outside learn, cli, bench and spark");
    }

    /** No cycle among the top-level packages (a CLI sub-package such as cli.report counts as cli). */
    ArchRule topLevelPackagesFormNoCycle() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("the top-level packages under " + root + " form no cycle");
    }

    /** No cycle among packages, each package on its own (cli and each of its sub-packages apart). */
    ArchRule packagesFormNoCycle() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("the packages under " + root + " form no cycle");
    }
}
