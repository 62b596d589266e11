package org.asylex.engine.policy;

import org.asylex.engine.text.LocalizedText;

/**
 * A wording of a reason that is used instead of the plain one when its condition is certainly true:
 * the wording can then follow an assumption's value (an age limit read one way or the other) or the
 * case (a motive assessed while a moratorium holds it over). The outcome never depends on it.
 *
 * @param when the condition under which this wording is used (expression language)
 */
public record ReasonVariant(Condition when, LocalizedText text, Origin origin) {}
