package org.asylex.engine.assessment;

/**
 * How one rule version evaluated for a case.
 *
 * @param lifted whether an exception lifted this rule (true), did not (false), or might (unknown)
 */
public record RuleTrace(String ruleId, int version, Tri value, Tri lifted, TraceNode condition) {}
