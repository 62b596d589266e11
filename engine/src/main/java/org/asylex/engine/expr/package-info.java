/**
 * The condition language of policy packs: a parser that fails only with positioned syntax errors,
 * and a type checker against a pack's vocabulary of facts, definitions and assumptions.
 */
package org.asylex.engine.expr;
