/**
 * {@code coarse rsmi}: real-space mutual information — learning the relevant degrees of freedom of a block by
 * maximising what they keep of its environment, and iterating a rule, fixed or learned, into an RG flow
 * ({@code rsmi flow}: information kept, couplings and MCRG exponents per level, {@code dev.coarse.study.RuleFlowAnalysis}).
 * Commands parse and render; the flow, the information measures and the learning live in core and coarse-learn.
 */
package dev.coarse.cli.rsmi;
