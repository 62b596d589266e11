package org.asylex.engine.expr;

/** A type or reference problem in a condition, at a span of its text. */
public record ExprProblem(String code, String message, int start, int end) {}
