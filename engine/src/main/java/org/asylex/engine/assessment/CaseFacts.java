package org.asylex.engine.assessment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.time.PartialDate;

/**
 * The established facts of one case, checked against a pack's fact schema. A fact that is not set
 * is unknown. Values are {@link Boolean} (boolean), {@link String} (enum, country, region), {@link
 * LocalDate} (date) and {@link PartialDate} (partial-date).
 */
public final class CaseFacts {
  private final FactSchema schema;
  private final Object[] values;

  private CaseFacts(FactSchema schema, Object[] values) {
    this.schema = schema;
    this.values = values;
  }

  public static Builder builder(FactSchema schema) {
    return new Builder(schema);
  }

  public FactSchema schema() {
    return schema;
  }

  /** The value of a fact, or empty when it is unknown. */
  public Optional<Object> get(String name) {
    int i = indexOf(schema, name);
    return i < 0 ? Optional.empty() : Optional.ofNullable(values[i]);
  }

  /** The values by fact index, not copied: the engine only reads them. */
  Object[] values() {
    return values;
  }

  /** The known facts in schema order, as name to value. */
  public Map<String, Object> known() {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        map.put(schema.facts().get(i).name(), values[i]);
      }
    }
    return map;
  }

  /** A copy with one fact set (or, with null, made unknown). */
  public CaseFacts with(String name, Object value) {
    Builder b = new Builder(schema);
    System.arraycopy(values, 0, b.values, 0, values.length);
    return b.set(name, value).build();
  }

  static int indexOf(FactSchema schema, String name) {
    var facts = schema.facts();
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseFacts c && c.schema.equals(schema) && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /** Facts in a readable form, never for logs: case facts are special-category personal data. */
  @Override
  public String toString() {
    return "CaseFacts" + known();
  }

  /** Sets typed values; for input from outside, use {@link CaseInput}, which validates. */
  public static final class Builder {
    private final FactSchema schema;
    private final Object[] values;

    private Builder(FactSchema schema) {
      this.schema = schema;
      this.values = new Object[schema.facts().size()];
    }

    /**
     * Sets a fact; null makes it unknown.
     *
     * @throws IllegalArgumentException for an unknown fact or a value of the wrong Java type
     */
    public Builder set(String name, Object value) {
      int i = indexOf(schema, name);
      if (i < 0) {
        throw new IllegalArgumentException("unknown fact '" + name + "'");
      }
      if (value != null) {
        FactDefinition f = schema.facts().get(i);
        Class<?> expected = javaType(f.type());
        if (!expected.isInstance(value)) {
          throw new IllegalArgumentException(
              "fact '"
                  + name
                  + "' takes a "
                  + expected.getSimpleName()
                  + ", not "
                  + value.getClass().getSimpleName());
        }
        if (f.type() == FactType.ENUM && !f.values().contains(value)) {
          throw new IllegalArgumentException("'" + value + "' is not a value of " + name);
        }
      }
      values[i] = value;
      return this;
    }

    public CaseFacts build() {
      return new CaseFacts(schema, values.clone());
    }
  }

  static Class<?> javaType(FactType type) {
    return switch (type) {
      case BOOLEAN -> Boolean.class;
      case DATE -> LocalDate.class;
      case PARTIAL_DATE -> PartialDate.class;
      case ENUM, COUNTRY, REGION -> String.class;
    };
  }
}
