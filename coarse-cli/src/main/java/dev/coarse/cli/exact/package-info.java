/**
 * {@code coarse exact}: the exact thermodynamics of {@code dev.coarse.exact} (Onsager, Kaufman, the chain's
 * transfer matrix) as a table or one JSON object.
 */
package dev.coarse.cli.exact;
