/**
 * {@code coarse reduce}: a user's data reduced level by level (CorEx, RSMI, majority) with the information each level
 * keeps and loses. Parses and renders only; the reduction lives in coarse-learn's {@code dev.coarse.learn.reduce}.
 */
package dev.coarse.cli.reduce;
