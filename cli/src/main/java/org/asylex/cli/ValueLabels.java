package org.asylex.cli;

import java.util.Optional;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.engine.text.LocalizedText;

/**
 * A coded value in text output with the pack's words for it beside it ({@code labels} in the pack:
 * an enumeration's values, region codes, a choice assumption's values), e.g. {@code XX-AB (Region
 * AB)}. The code always stays: officers and scripts rely on it. A value the pack does not label, or
 * labels with the code itself, is the code alone; a label that repeats the code before its own
 * parentheses is not repeated ({@code open (open to all (no condition))}).
 */
final class ValueLabels {
  private ValueLabels() {}

  /** {@code value} of fact {@code name}, with the pack's label in {@code lang} when it has one. */
  static String fact(Optional<PolicyPack> pack, String name, Object value, Language lang) {
    return fact(pack, name, value, String.valueOf(value), lang);
  }

  /**
   * {@code shown} (how the output writes {@code value}, e.g. as JSON) with the pack's label of
   * {@code value} of fact {@code name} in {@code lang} beside it.
   */
  static String fact(
      Optional<PolicyPack> pack, String name, Object value, String shown, Language lang) {
    String code = String.valueOf(value);
    return beside(
        shown,
        code,
        pack.flatMap(p -> p.facts().fact(name)).flatMap(f -> f.valueLabel(code)),
        lang);
  }

  /**
   * {@code value} of assumption {@code id}, with the pack's label in {@code lang} when it has one.
   */
  static String assumption(PolicyPack pack, String id, String value, Language lang) {
    return beside(value, value, pack.assumption(id).flatMap(a -> a.valueLabel(value)), lang);
  }

  private static String beside(
      String shown, String code, Optional<LocalizedText> label, Language lang) {
    Optional<String> words =
        label.map(l -> l.in(lang)).filter(w -> !w.isBlank() && !w.equalsIgnoreCase(code));
    if (words.isEmpty()) {
      return shown;
    }
    String w = words.get();
    if (w.startsWith(code + " (") && w.endsWith(")")) {
      return shown + w.substring(code.length());
    }
    return shown + " (" + w + ")";
  }
}
