package org.asylex.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CaseIds#valid} checks by hand what {@link CaseIds#PATTERN} says. */
class CaseIdsTest {
  @Test
  void validIsThePatternOnGeneratedIds() {
    String alphabet = "aZ09._~:-/ \t\u00e9\u0130\u212a\u0660\u00001Ab";
    var random = new Random(11);
    int valid = 0;
    for (int i = 0; i < 50_000; i++) {
      int length = random.nextInt(5) == 0 ? 195 + random.nextInt(10) : random.nextInt(8);
      var id = new StringBuilder();
      for (int k = 0; k < length; k++) {
        id.append(
            random.nextInt(4) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) ('a' + random.nextInt(26)));
      }
      String s = id.toString();
      boolean expected = CaseIds.PATTERN.matcher(s).matches();
      assertThat(CaseIds.valid(s)).as(s).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(CaseIds.valid(null)).isFalse();
    assertThat(valid).isBetween(5_000, 45_000);
  }
}
