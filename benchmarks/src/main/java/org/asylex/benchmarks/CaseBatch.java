package org.asylex.benchmarks;

import java.time.LocalDate;
import java.util.List;
import org.asylex.engine.assessment.CaseFacts;

/**
 * Generated cases in every form the benchmarks read, built once before measuring: the engine's
 * {@link CaseFacts}, the same fact values as flat arrays in schema order, and the hand-written
 * implementation's encoding (see {@link HandWrittenRussianPolicy}).
 */
public final class CaseBatch {
  public final int size;
  public final CaseFacts[] facts;
  public final LocalDate[] dates;
  public final Object[][] values;
  public final int[] words;
  public final int[] birthEarliest;
  public final int[] birthLatest;
  public final int[] packedDates;

  public CaseBatch(List<CaseGenerator.GeneratedCase> cases, HandWrittenRussianPolicy policy) {
    size = cases.size();
    facts = new CaseFacts[size];
    dates = new LocalDate[size];
    values = new Object[size][];
    words = new int[size];
    birthEarliest = new int[size];
    birthLatest = new int[size];
    packedDates = new int[size];
    for (int i = 0; i < size; i++) {
      CaseGenerator.GeneratedCase c = cases.get(i);
      facts[i] = c.facts();
      dates[i] = c.asOf();
      values[i] = HandWrittenRussianPolicy.values(c.facts());
      words[i] = policy.word(values[i]);
      birthEarliest[i] = policy.earliestBirth(values[i]);
      birthLatest[i] = policy.latestBirth(values[i]);
      packedDates[i] = HandWrittenRussianPolicy.pack(c.asOf());
    }
  }
}
