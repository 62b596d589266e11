package org.asylex.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which cases {@link Cases#list} returns: those whose facts have all the given values. A null value
 * selects the cases where that fact is not set. Values compare as JSON values: {@code true} is not
 * {@code "true"}.
 */
public final class CaseFilter {
  private static final Pattern FACT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
  private static final CaseFilter ALL = new CaseFilter(Map.of());

  private final Map<String, Object> facts;

  private CaseFilter(Map<String, Object> facts) {
    this.facts = Collections.unmodifiableMap(facts);
  }

  /** Every case. */
  public static CaseFilter all() {
    return ALL;
  }

  /** The cases where a fact has a value (or, with null, is not set). */
  public static CaseFilter where(String fact, Object value) {
    return ALL.and(fact, value);
  }

  /**
   * This filter and one more fact.
   *
   * @throws IllegalArgumentException for a fact name that is not a plain identifier
   */
  public CaseFilter and(String fact, Object value) {
    Objects.requireNonNull(fact, "fact");
    if (!FACT_NAME.matcher(fact).matches()) {
      throw new IllegalArgumentException(
          "cannot filter on '"
              + fact
              + "': a fact name is letters, digits and underscores, starting with a letter");
    }
    var map = new LinkedHashMap<>(facts);
    map.put(fact, value);
    return new CaseFilter(map);
  }

  /** Fact name to the value it must have; null for "not set". */
  public Map<String, Object> facts() {
    return facts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseFilter f && f.facts.equals(facts);
  }

  @Override
  public int hashCode() {
    return facts.hashCode();
  }

  /** Names the facts only: the values are case data. */
  @Override
  public String toString() {
    return "CaseFilter" + facts.keySet();
  }
}
