package org.asylex.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseJsonTest {

  private static JsonInputException error(String json) {
    return catchThrowableOfType(JsonInputException.class, () -> CaseJson.read(json, "case.json"));
  }

  @Test
  void readsAnObjectOfFactsWithJsonTypesKept() throws JsonInputException {
    Map<String, Object> facts =
        CaseJson.read(
            "{\"countryOfOrigin\": \"RU\", \"lgbti\": true, \"desertion\": false,"
                + " \"gender\": null, \"n\": 7, \"big\": 12345678901234567890, \"x\": 1.50,"
                + " \"list\": [1, \"a\"], \"obj\": {\"b\": 2, \"a\": 1}}",
            "case.json");

    assertThat(facts)
        .containsExactly(
            Map.entry("countryOfOrigin", "RU"),
            Map.entry("lgbti", true),
            Map.entry("desertion", false),
            entryWithNull("gender"),
            Map.entry("n", 7L),
            Map.entry("big", new BigDecimal("12345678901234567890")),
            Map.entry("x", new BigDecimal("1.50")),
            Map.entry("list", List.of(1L, "a")),
            Map.entry("obj", Map.of("b", 2L, "a", 1L)));
    assertThat(facts.get("n")).isInstanceOf(Long.class);
    assertThat(List.<Object>copyOf(((Map<?, ?>) facts.get("obj")).keySet()))
        .containsExactly("b", "a");
  }

  private static Map.Entry<String, Object> entryWithNull(String key) {
    return new java.util.AbstractMap.SimpleEntry<>(key, null);
  }

  @Test
  void readsFromAStreamWithoutClosingIt() throws JsonInputException {
    var closed = new boolean[1];
    InputStream in =
        new ByteArrayInputStream("{\"countryOfOrigin\":\"RU\"}".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    assertThat(CaseJson.read(in, "<stdin>")).containsEntry("countryOfOrigin", "RU");
    assertThat(closed[0]).isFalse();
  }

  @Test
  void malformedJsonNamesTheLineAndColumnAndNeverAStackTrace() {
    JsonInputException e = error("{\n  \"countryOfOrigin\": \"RU\",\n  \"lgbti\": tru\n}");

    assertThat(e.code()).isEqualTo("malformed-json");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(12);
    assertThat(e.getMessage()).startsWith("case.json:3:12: malformed JSON: ").contains("'tru'");
    assertThat(e.getMessage()).doesNotContain("\tat ", "Exception", "[Source");
    assertThat(e.toInputError().pointer()).isEmpty();
    assertThat(e.toInputError().message()).startsWith("line 3, column 12: malformed JSON");
  }

  @Test
  void aMissingCommaAndATrailingCommaAreMalformed() {
    assertThat(error("{\"a\": 1 \"b\": 2}").getMessage()).startsWith("case.json:1:9: ");
    JsonInputException trailing = error("{\"a\": 1,\n}");
    assertThat(trailing.line()).isEqualTo(2);
    assertThat(trailing.code()).isEqualTo("malformed-json");
  }

  @Test
  void anUnterminatedDocumentIsMalformed() {
    JsonInputException e = error("{\"countryOfOrigin\": \"RU\"");

    assertThat(e.code()).isEqualTo("malformed-json");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("end-of-input");
  }

  @Test
  void aDuplicateKeyIsAnErrorNamingTheKey() {
    JsonInputException e = error("{\n  \"lgbti\": true,\n  \"lgbti\": false\n}");

    assertThat(e.code()).isEqualTo("duplicate-key");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.problem()).isEqualTo("duplicate key 'lgbti': each fact may be given only once");
  }

  @Test
  void aDuplicateKeyInANestedObjectIsAlsoAnError() {
    assertThat(error("{\"a\": {\"b\": 1, \"b\": 2}}").problem()).contains("'b'");
  }

  @Test
  void aTopLevelOtherThanAnObjectIsRefused() {
    assertThat(error("[{\"countryOfOrigin\": \"RU\"}]").problem())
        .isEqualTo("the case must be a JSON object of facts {…}, not an array");
    assertThat(error("\"RU\"").problem()).endsWith("not a string");
    assertThat(error("  42").getMessage())
        .isEqualTo("case.json:1:3: the case must be a JSON object of facts {…}, not a number");
    assertThat(error("null").code()).isEqualTo("not-an-object");
  }

  @Test
  void anEmptyDocumentIsRefused() {
    JsonInputException e = error("  \n ");

    assertThat(e.code()).isEqualTo("empty");
    assertThat(e.getMessage())
        .isEqualTo("case.json: the case is empty; expected a JSON object of facts {…}");
  }

  @Test
  void contentAfterTheObjectIsRefused() {
    JsonInputException e = error("{\"countryOfOrigin\": \"RU\"}\n{}");

    assertThat(e.code()).isEqualTo("malformed-json");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problem()).isEqualTo("unexpected content after the case object");
  }

  @Test
  void anOversizedDocumentIsRefusedBeforeParsing() {
    String big = "{\"x\": \"" + "a".repeat(CaseJson.MAX_BYTES) + "\"}";

    JsonInputException fromText = error(big);
    JsonInputException fromStream =
        catchThrowableOfType(
            JsonInputException.class,
            () ->
                CaseJson.read(
                    new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), "big.json"));

    assertThat(fromText.code()).isEqualTo("too-large");
    assertThat(fromStream.code()).isEqualTo("too-large");
    assertThat(fromStream.getMessage())
        .isEqualTo("big.json: the case is larger than 1024 KiB; a case is one object of facts");
  }

  @Test
  void aDocumentJustUnderTheLimitIsRead() throws JsonInputException {
    String filler = "a".repeat(CaseJson.MAX_BYTES - 20);
    String json = "{\"x\": \"" + filler + "\"}";

    assertThat(CaseJson.read(json, "case.json")).containsEntry("x", filler);
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    JsonInputException e =
        catchThrowableOfType(
            JsonInputException.class,
            () -> CaseJson.read(new ByteArrayInputStream(bytes), "case.json"));

    assertThat(e.code()).isEqualTo("malformed-json");
    assertThat(e.getMessage()).startsWith("case.json:");
  }

  @Test
  void longInputIsNeverEchoedInFull() {
    String secret = "x".repeat(5000);

    JsonInputException e = error("{\"a\": " + secret + "}");

    assertThat(e.getMessage().length()).isLessThan(400);
  }
}
