package org.asylex.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every text a user sees exists in Dutch and English. */
class LanguageTest {

  @Test
  void languagesAreFoundByTheirLowerCaseCodes() {
    assertThat(Language.NL.code()).isEqualTo("nl");
    assertThat(Language.fromCode("en")).contains(Language.EN);
    assertThat(Language.fromCode("nl")).contains(Language.NL);
    assertThat(Language.fromCode("EN")).isEmpty();
    assertThat(Language.fromCode("de")).isEmpty();
  }

  @Test
  void aTextIsReadInTheLanguageAskedFor() {
    var text = new LocalizedText("hallo", "hello");

    assertThat(text.in(Language.NL)).isEqualTo("hallo");
    assertThat(text.in(Language.EN)).isEqualTo("hello");
  }

  @Test
  void aTextNeedsBothLanguages() {
    assertThatThrownBy(() -> new LocalizedText(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new LocalizedText("x", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aNameOfThreeCharactersAllowsOneEditAndOfFourAllowsTwo() {
    assertThat(NearestName.suggest("abc", List.of("abx"))).contains("abx");
    assertThat(NearestName.suggest("abc", List.of("axy"))).isEmpty();
    assertThat(NearestName.suggest("abcd", List.of("abxy"))).contains("abxy");
    assertThat(NearestName.suggest("abcd", List.of("axyz"))).isEmpty();
  }
}
