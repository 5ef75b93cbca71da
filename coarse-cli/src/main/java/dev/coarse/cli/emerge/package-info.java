/**
 * {@code coarse emerge}: self-organised criticality ({@code sandpile}) and the order-to-chaos transition of deep
 * networks ({@code deepnet}); parses options, calls {@code dev.coarse.emergence}, renders text, JSON and PNG charts.
 */
package dev.coarse.cli.emerge;
