/**
 * The policy model: a {@link org.asylex.engine.policy.PolicyPack} of elements, rules with versions
 * and validity, assumptions, and the source quotes every rule rests on; its semantic check and its
 * timeline.
 */
package org.asylex.engine.policy;
