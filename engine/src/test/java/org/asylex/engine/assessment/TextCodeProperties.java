package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Two code texts have the same {@link TextCode} exactly when they are equal, so that a test of a
 * region or country compares codes and gets what comparing the strings gets; other texts have none.
 */
class TextCodeProperties {
  @Provide
  Arbitrary<String> codeTexts() {
    return Arbitraries.strings()
        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  @Property(tries = 2000)
  void equalCodesAreEqualTexts(@ForAll("codeTexts") String a, @ForAll("codeTexts") String b) {
    assertThat(TextCode.of(a)).isNotEqualTo(TextCode.NONE).isGreaterThan(0);
    assertThat(TextCode.of(a) == TextCode.of(b)).isEqualTo(a.equals(b));
  }

  @Property(tries = 500)
  void nearTextsDiffer(@ForAll("codeTexts") String a) {
    // a character more, or one changed, is another code: no two shapes share one
    assertThat(TextCode.of(a + "A")).isNotEqualTo(TextCode.of(a));
    assertThat(TextCode.of("A" + a)).isNotEqualTo(TextCode.of(a));
  }

  @Example
  void textsOfOtherShapesHaveNoCode() {
    assertThat(TextCode.of("")).isEqualTo(TextCode.NONE);
    assertThat(TextCode.of("ru-ce")).isEqualTo(TextCode.NONE);
    assertThat(TextCode.of("RU CE")).isEqualTo(TextCode.NONE);
    assertThat(TextCode.of("ABCDEFGHIJKLM")).isEqualTo(TextCode.NONE); // thirteen characters
    assertThat(TextCode.of("ZZZZZZZZZZZZ")).isPositive(); // the largest fits a long
    assertThat(TextCode.of("------------")).isPositive();
  }
}
