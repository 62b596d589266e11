package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counts on the impact page read as a person writes them: one case, many cases, none. */
class CountWordsTest {
  @Test
  void dutchCountsTakeTheSingularForOneAndGroupThousands() {
    Texts nl = Texts.of(Lang.NL);
    assertThat(nl.get("impact.changed", 0L))
        .isEqualTo("Bij geen enkele zaak verandert de uitkomst.");
    assertThat(nl.get("impact.changed", 1L)).isEqualTo("Bij 1 zaak verandert de uitkomst.");
    assertThat(nl.get("impact.changed", 1204L)).isEqualTo("Bij 1.204 zaken verandert de uitkomst.");
    assertThat(nl.get("impact.cases", 1L, 0L)).startsWith("1 zaak beoordeeld, 0 niet");
    assertThat(nl.get("impact.group", "lawyers", 1L, 2L))
        .isEqualTo("Groep lawyers: 1 zaak erbij, 2 zaken eraf");
  }

  @Test
  void englishCountsTooAndWithCommas() {
    Texts en = Texts.of(Lang.EN);
    assertThat(en.get("impact.changed", 1L)).isEqualTo("The outcome changes for 1 case.");
    assertThat(en.get("impact.changed", 1204L)).isEqualTo("The outcome changes for 1,204 cases.");
    assertThat(en.get("impact.cases", 0L, 3L)).startsWith("No cases assessed, 3 not");
    assertThat(en.get("impact.group", "lawyers", 0L, 1L))
        .isEqualTo("Group lawyers: 0 cases gained, 1 case lost");
  }
}
