package org.asylex.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseGeneratorTest {
  private static FactSchema schema;

  @BeforeAll
  static void load() {
    schema = RussianPack.load().facts();
  }

  @Test
  void theSameSeedGivesTheSameCases() {
    var generator = new CaseGenerator(schema);
    assertThat(generator.generate(42, 1000)).isEqualTo(generator.generate(42, 1000));
    assertThat(generator.generate(42, 1000)).isNotEqualTo(generator.generate(43, 1000));
  }

  @Test
  void casesStayInsideTheirDomains() {
    List<CaseGenerator.GeneratedCase> cases = new CaseGenerator(schema).generate(7, 50_000);
    int present = 0;
    int[] precision = new int[PartialDate.Precision.values().length];
    int onTurningDates = 0;
    for (var c : cases) {
      LocalDate asOf = c.asOf();
      assertThat(asOf).isBetween(CaseGenerator.FIRST_DATE, CaseGenerator.LAST_DATE);
      assertThat(c.facts().get("countryOfOrigin")).contains("RU");
      for (LocalDate d : CaseGenerator.TURNING_DATES) {
        onTurningDates += d.equals(asOf) ? 1 : 0;
      }
      var birth = c.facts().get("dateOfBirth");
      if (birth.isPresent()) {
        PartialDate p = (PartialDate) birth.get();
        assertThat(p.earliest()).isBetween(CaseGenerator.EARLIEST_BIRTH, asOf);
        precision[p.precision().ordinal()]++;
      }
      present += c.facts().known().size() - 1;
    }
    double share = present / (double) (cases.size() * (schema.facts().size() - 1));
    assertThat(share).isBetween(0.68, 0.72);
    for (int count : precision) {
      assertThat(count).isGreaterThan(cases.size() / 10);
    }
    assertThat(onTurningDates).isGreaterThan(cases.size() / 20);
  }
}
