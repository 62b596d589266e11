package org.asylex.benchmarks.dmn;

import java.time.LocalDate;
import java.util.List;
import org.asylex.benchmarks.CaseBatch;
import org.asylex.benchmarks.CaseGenerator;
import org.asylex.engine.policy.FactSchema;

/**
 * The generated cases as the DMN model's input data ({@code dmn/ru-policy.dmn}), built once before
 * measuring, one array per input: the assessment date, {@code dateOfBirth} as the text of the
 * (partial) date, the three other string facts, and the thirteen boolean facts; {@code null} where
 * a fact is absent.
 */
public final class DmnCases {
  /** The model's boolean input data, in the order of {@link #flags}. */
  public static final List<String> BOOLEAN_INPUTS = CaseGenerator.booleanFacts();

  public final int size;
  public final LocalDate[] assessmentDate;
  public final String[] dateOfBirth;
  public final String[] gender;
  public final String[] regionOfOrigin;
  public final String[] militaryStatus;

  /** {@code flags[k][i]}: boolean input {@code BOOLEAN_INPUTS.get(k)} of case {@code i}. */
  public final Boolean[][] flags;

  public DmnCases(CaseBatch batch, FactSchema schema) {
    size = batch.size;
    assessmentDate = batch.dates.clone();
    dateOfBirth = new String[size];
    gender = new String[size];
    regionOfOrigin = new String[size];
    militaryStatus = new String[size];
    flags = new Boolean[BOOLEAN_INPUTS.size()][size];
    int birth = indexOf(schema, "dateOfBirth");
    int gen = indexOf(schema, "gender");
    int region = indexOf(schema, "regionOfOrigin");
    int status = indexOf(schema, "militaryStatus");
    int[] flag = new int[BOOLEAN_INPUTS.size()];
    for (int k = 0; k < flag.length; k++) {
      flag[k] = indexOf(schema, BOOLEAN_INPUTS.get(k));
    }
    for (int i = 0; i < size; i++) {
      Object[] v = batch.values[i];
      dateOfBirth[i] = v[birth] == null ? null : v[birth].toString();
      gender[i] = (String) v[gen];
      regionOfOrigin[i] = (String) v[region];
      militaryStatus[i] = (String) v[status];
      for (int k = 0; k < flag.length; k++) {
        flags[k][i] = (Boolean) v[flag[k]];
      }
    }
  }

  /** The input data of case {@code i}, by the model's input names, for describing a case. */
  public String describe(int i) {
    var sb = new StringBuilder("{assessmentDate=").append(assessmentDate[i]);
    append(sb, "dateOfBirth", dateOfBirth[i]);
    append(sb, "gender", gender[i]);
    append(sb, "regionOfOrigin", regionOfOrigin[i]);
    append(sb, "militaryStatus", militaryStatus[i]);
    for (int k = 0; k < flags.length; k++) {
      append(sb, BOOLEAN_INPUTS.get(k), flags[k][i]);
    }
    return sb.append('}').toString();
  }

  private static void append(StringBuilder sb, String name, Object value) {
    if (value != null) {
      sb.append(", ").append(name).append('=').append(value);
    }
  }

  private static int indexOf(FactSchema schema, String name) {
    var facts = schema.facts();
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("the schema has no fact '" + name + "'");
  }
}
