package org.asylex.web;

import java.util.Optional;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;

/**
 * The words a page shows for a value: the pack's label of an enum value, a choice's reading or a
 * region code ({@code labels} in the pack), "yes"/"no" for a boolean fact, else the value as
 * stored. Drawing only; the value itself stays what forms post and what the case holds.
 */
public final class ValueWords {
  private ValueWords() {}

  /**
   * The words for {@code value} of fact {@code name} of {@code pack} (if any) in {@code t}'s
   * language.
   */
  public static String fact(Optional<PolicyPack> pack, String name, Object value, Texts t) {
    if (value == null) {
      return "";
    }
    Optional<FactDefinition> fact = pack.flatMap(p -> p.facts().fact(name));
    return fact.map(f -> fact(f, value, t)).orElse(String.valueOf(value));
  }

  /** The words for {@code value} of {@code fact} in {@code t}'s language. */
  public static String fact(FactDefinition fact, Object value, Texts t) {
    String text = String.valueOf(value);
    if (fact.type() == FactType.BOOLEAN && (text.equals("true") || text.equals("false"))) {
      return t.get("answer." + text);
    }
    return fact.valueLabel(text).map(l -> Texts.in(l, t.lang())).orElse(text);
  }

  /** The words for {@code value} of {@code assumption}: its label when the pack gives one. */
  public static Optional<String> assumption(Assumption assumption, String value, Texts t) {
    return assumption.valueLabel(value).map(l -> Texts.in(l, t.lang()));
  }

  /**
   * The words for {@code value} of assumption {@code id} of {@code pack}, if the pack labels it.
   */
  public static Optional<String> assumption(
      Optional<PolicyPack> pack, String id, String value, Texts t) {
    return pack.flatMap(p -> p.assumption(id)).flatMap(a -> assumption(a, value, t));
  }
}
