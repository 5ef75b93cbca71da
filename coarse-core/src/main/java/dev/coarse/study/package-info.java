/**
 * The main job as a typed API: a {@link dev.coarse.study.StudySpec} (name, seed, {@link dev.coarse.study.StudyModel}
 * and one validated settings record per stage) is run by {@link dev.coarse.study.Study}, stage by stage, into
 * {@link dev.coarse.study.StudyResults} of typed result records, checkpointed in a {@link dev.coarse.data.RunDirectory}
 * so that a killed run resumes. Each {@link dev.coarse.study.Stage} (energy, Binder crossings, MCRG, coupling flow,
 * information kept) samples and measures and nothing else: it neither renders nor calls another stage, and its
 * result record serialises to the JSON of results.json. Stages are found with {@link java.util.ServiceLoader}
 * ({@link dev.coarse.study.Stages}), so a module above core (coarse-learn) adds one without core knowing it. Spec
 * files are read through a {@link dev.coarse.study.SpecSource} that the file's format supplies. Also here: the two
 * drivers that sample their own data, the Binder scan ({@link dev.coarse.study.BinderScan}) and the coupling flow
 * diagram ({@link dev.coarse.study.FlowDiagram}); and the measurement of an iterated rule level by level
 * ({@link dev.coarse.study.RuleFlowAnalysis}: information kept, couplings, MCRG exponents) with the comparison of rules
 * that the {@code rsmi} stage runs ({@link dev.coarse.study.RsmiComparison}; coarse-learn registers that stage, which
 * supplies the learned rule). The {@code tensor} stage ({@link dev.coarse.study.TensorStage}) runs the tensor-network
 * RG of {@code dev.coarse.tensor} (free energy against Onsager, Gu–Wen c and x per step); {@link dev.coarse.study.RgFlow}
 * is the flow record both kinds of flow reduce to (steps, scale, y<sub>t</sub>, y<sub>h</sub>), so a report can set
 * MCRG's exponents beside y = 2 − x of the tensor RG. Above {@code mc}, {@code rg}, {@code info}, {@code exact},
 * {@code tensor} and {@code data}; knows nothing of coarse-learn or the CLI.
 */
package dev.coarse.study;
