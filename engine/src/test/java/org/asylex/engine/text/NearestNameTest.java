package org.asylex.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  private static final List<String> FACTS =
      List.of("politicalActivist", "humanRightsActivist", "dateOfBirth", "gender", "lgbti");

  @Test
  void aMisspeltNameSuggestsTheNameItWasMeantToBe() {
    assertThat(NearestName.suggest("politicalActivst", FACTS)).contains("politicalActivist");
  }

  @Test
  void twoSwappedNeighboursCountAsOneEdit() {
    assertThat(NearestName.distance("gedner", "gender")).isEqualTo(1);
    assertThat(NearestName.suggest("gedner", FACTS)).contains("gender");
  }

  @Test
  void capitalisationDoesNotCountButTheSuggestionIsSpeltAsDeclared() {
    assertThat(NearestName.suggest("DATEOFBIRTH", FACTS)).contains("dateOfBirth");
    assertThat(NearestName.suggest("LGBTI", FACTS)).contains("lgbti");
  }

  @Test
  void theClosestOfSeveralCandidatesIsSuggested() {
    assertThat(NearestName.suggest("humanRightActivist", FACTS)).contains("humanRightsActivist");
    assertThat(NearestName.suggest("righs", List.of("nights", "rights"))).contains("rights");
  }

  @Test
  void ofEquallyCloseCandidatesTheFirstIsSuggested() {
    assertThat(NearestName.suggest("cat", List.of("bat", "hat"))).contains("bat");
    assertThat(NearestName.suggest("cat", List.of("hat", "bat"))).contains("hat");
  }

  @Test
  void aNameFarFromEveryCandidateGetsNoSuggestion() {
    assertThat(NearestName.suggest("nationality", FACTS)).isEmpty();
  }

  @Test
  void aLongNameAllowsAThirdOfItsLengthInEdits() {
    // 18 characters allow 6 edits, not 7
    String name = "abcdefghijklmnopqr";

    assertThat(NearestName.suggest(name, List.of("abcdefghijklXXXXXX"))).isPresent();
    assertThat(NearestName.suggest(name, List.of("abcdefghijkXXXXXXX"))).isEmpty();
  }

  @Test
  void aShortNameAllowsOneEditSoUnrelatedShortNamesAreNotSuggested() {
    assertThat(NearestName.suggest("ab", List.of("xy"))).isEmpty();
    assertThat(NearestName.suggest("ab", List.of("ax"))).contains("ax");
    assertThat(NearestName.suggest("abcd", List.of("abxy"))).contains("abxy");
  }

  @Test
  void noCandidatesMeansNoSuggestion() {
    assertThat(NearestName.suggest("anything", List.of())).isEmpty();
    assertThat(NearestName.didYouMean("anything", List.of())).isEmpty();
  }

  @Test
  void didYouMeanPhrasesTheSuggestionAsTheEndOfAMessage() {
    assertThat(NearestName.didYouMean("gendr", FACTS)).isEqualTo("; did you mean 'gender'?");
  }

  @Test
  void didYouMeanIsEmptyWithoutASuggestion() {
    assertThat(NearestName.didYouMean("nationality", FACTS)).isEmpty();
  }

  @Test
  void theDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(NearestName.distance("", "")).isZero();
    assertThat(NearestName.distance("abc", "abc")).isZero();
    assertThat(NearestName.distance("", "abc")).isEqualTo(3);
    assertThat(NearestName.distance("abc", "")).isEqualTo(3);
    assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestName.distance("ab", "ba")).isEqualTo(1);
    assertThat(NearestName.distance("abcd", "acbd")).isEqualTo(1);
  }

  @Test
  void theDistanceIsSymmetric() {
    for (String a : FACTS) {
      for (String b : FACTS) {
        assertThat(NearestName.distance(a, b)).isEqualTo(NearestName.distance(b, a));
      }
    }
  }
}
