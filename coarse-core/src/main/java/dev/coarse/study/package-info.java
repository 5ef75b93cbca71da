/**
 * The main job as a typed API: the sampling drivers behind it, the Binder scan ({@link dev.coarse.study.BinderScan},
 * Binder crossings → T<sub>c</sub>, γ/ν) and the coupling flow diagram ({@link dev.coarse.study.FlowDiagram},
 * K → K′ flows, fixed point, ν), which sample their own data and hand it to {@code rg}'s analyses. Above
 * {@code mc}, {@code rg} and {@code info}; knows nothing of coarse-learn or the CLI.
 */
package dev.coarse.study;
