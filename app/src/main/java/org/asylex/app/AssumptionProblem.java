package org.asylex.app;

/**
 * One assumption value that does not fit a pack: an id the pack does not have, a value its type
 * cannot take (a choice takes only its declared values), or another value for a text assumption,
 * which records a reading the engine does not interpret.
 *
 * @param code {@code unknown-assumption}, {@code bad-assumption-value} or {@code not-overridable}
 * @param message what is wrong, naming the assumption, without the value given
 */
public record AssumptionProblem(String id, String code, String message) {}
