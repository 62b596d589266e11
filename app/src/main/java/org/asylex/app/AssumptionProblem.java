package org.asylex.app;

/**
 * One assumption value that does not fit a pack: an id the pack does not have, or a value its type
 * cannot take.
 *
 * @param code {@code unknown-assumption} or {@code bad-assumption-value}
 * @param message what is wrong, naming the assumption, without the value given
 */
public record AssumptionProblem(String id, String code, String message) {}
