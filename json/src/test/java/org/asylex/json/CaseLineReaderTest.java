package org.asylex.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line reader gives what {@link CaseJson} gives, value for value and error for error. */
class CaseLineReaderTest {
  private final CaseLineReader reader = new CaseLineReader();

  private static final List<String> LINES =
      List.of(
          "{\"id\":\"C-000001\",\"facts\":{\"countryOfOrigin\":\"RU\",\"dateOfBirth\":\"1990-02\","
              + "\"gender\":\"female\",\"lgbti\":true,\"desertion\":false,\"region\":null}}",
          "  { \"id\" : \"C-2\" , \"reference\" : \"REF 2\" ,\"facts\" : { } }  ",
          "{\"id\":\"C-3\",\"facts\":{\"a\":1}}",
          "{\"id\":\"C-4\",\"facts\":{\"a\":[true]}}",
          "{\"id\":\"C-5\",\"facts\":{\"a\":{\"b\":{}}}}",
          "{\"id\":\"C-6\",\"facts\":{\"a\":\"caf\u00e9\"}}",
          "{\"id\":\"C-7\",\"facts\":{\"a\":\"x\\\"y\"}}",
          "{\"id\":\"C-8\",\"facts\":{\"a\":true,\"a\":false}}",
          "{\"id\":\"C-9\",\"facts\":{\"a\":null,\"a\":null}}",
          "{\"id\":\"C-10\",\"facts\":{\"a\":tru}}",
          "{\"id\":\"C-11\",\"facts\":{\"a\":truex}}",
          "{\"id\":\"C-12\",\"facts\":{\"a\":true,}}",
          "{\"id\":\"C-13\",\"facts\":{\"a\":true}} x",
          "{\"id\":\"C-14\",\"facts\":{\"a\":true}}}",
          "[1]",
          "\"id\"",
          "{\"id\":\"C-15\" \"facts\":{}}",
          "{\"id\":\"C-16\",\"facts\":{\"a\":\"tab\there\"}}",
          "{\"id\":\"C-17\",\"facts\":{'a':true}}",
          "{\"id\":\"C-18\",\"facts\":{\"a\":-0.5e3}}",
          "{\"id\":\"C-19\",\"facts\":{\"a\":01}}",
          "{\"id\":\"C-20\",\"facts\":{\"a\":\"\\u0041\"}}",
          "{}",
          "{\"id\":\"C-21\",\"facts\":{\"a\":\"\u007f\"}}",
          "\uFEFF{\"id\":\"C-22\",\"facts\":{}}",
          "{\"id\":\"C-23\",\"facts\":{\"\":true}}",
          "{\"id\":\"C-24\",\"facts\":{\"a\":true}");

  @Test
  void givesWhatTheFullParserGivesForEachKindOfLine() {
    for (String line : LINES) {
      same(line.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void givesWhatTheFullParserGivesForMangledLines() {
    byte[] line = LINES.get(0).getBytes(StandardCharsets.UTF_8);
    byte[] alphabet = "{}[]\":,tfnrue0-1\\ \t\u0001x".getBytes(StandardCharsets.ISO_8859_1);
    var random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      byte[] copy = line.clone();
      int changes = 1 + random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(copy.length);
        copy[at] =
            random.nextInt(10) == 0
                ? (byte) (0x80 + random.nextInt(0x80))
                : alphabet[random.nextInt(alphabet.length)];
      }
      same(copy);
    }
  }

  @Test
  void readsALineInTheMiddleOfABufferAndKeepsNoStateBetweenLines() throws Exception {
    String a = "{\"id\":\"A\",\"facts\":{\"gender\":\"male\"}}";
    String b = "{\"id\":\"B\",\"facts\":{\"gender\":\"female\",\"gender\":\"x\"}}";
    byte[] all = ("junk" + a + "\n" + b + "\n").getBytes(StandardCharsets.UTF_8);
    int endA = 4 + a.length();
    assertThat(reader.read(all, 4, endA, "line")).isEqualTo(CaseJson.read(a, "line"));
    assertThatThrownBy(() -> reader.read(all, endA + 1, all.length - 1, "line"))
        .isInstanceOf(JsonInputException.class)
        .hasMessageContaining("duplicate key 'gender'");
    // the same text comes back as the same instance: names and values are not decoded again
    Map<String, Object> first = reader.read(all, 4, endA, "line");
    Map<String, Object> second = reader.read(all, 4, endA, "line");
    assertThat(first.get("id")).isSameAs(second.get("id"));
  }

  private void same(byte[] bytes) {
    Object expected;
    try {
      expected = CaseJson.read(bytes, "line", CaseJson.MAX_BYTES);
    } catch (JsonInputException e) {
      expected = describe(e);
    }
    byte[] padded = new byte[bytes.length + 6];
    System.arraycopy(bytes, 0, padded, 3, bytes.length);
    padded[0] = '{';
    padded[padded.length - 1] = '}';
    Object actual;
    try {
      actual = reader.read(padded, 3, 3 + bytes.length, "line");
    } catch (JsonInputException e) {
      actual = describe(e);
    }
    assertThat(actual)
        .as("line %s", new String(bytes, StandardCharsets.ISO_8859_1))
        .isEqualTo(expected);
    if (actual instanceof Map<?, ?> m) {
      assertThat(new ArrayList<>(m.keySet()))
          .isEqualTo(new ArrayList<>(((Map<?, ?>) expected).keySet()));
    }
    flatSame(padded, 3, 3 + bytes.length, expected);
  }

  /** A line read flat is one the full parser reads to the same id and facts, in order. */
  private void flatSame(byte[] padded, int from, int to, Object expected) {
    var flat = new CaseLineReader.Flat();
    if (!reader.readFlat(padded, from, to, flat)) {
      return;
    }
    String line = new String(padded, from, to - from, StandardCharsets.ISO_8859_1);
    var names = new java.util.HashSet<String>();
    for (int i = 0; i < flat.size(); i++) {
      if (!names.add(flat.name(i))) {
        // a name given twice, which the caller finds and leaves to the full parser's error
        assertThat(expected).as(line).isInstanceOf(List.class);
        return;
      }
    }
    assertThat(expected).as(line).isInstanceOf(Map.class);
    Map<?, ?> doc = (Map<?, ?>) expected;
    assertThat(new ArrayList<Object>(doc.keySet())).as(line).isSubsetOf("id", "reference", "facts");
    assertThat(doc.get("id")).as(line).isEqualTo(flat.id());
    assertThat(doc.get("reference")).as(line).matches(r -> r == null || r instanceof String);
    var facts = new java.util.LinkedHashMap<String, Object>();
    for (int i = 0; i < flat.size(); i++) {
      facts.put(flat.name(i), flat.value(i));
    }
    Map<?, ?> expectedFacts = (Map<?, ?>) doc.get("facts");
    assertThat(facts).as(line).isEqualTo(expectedFacts);
    assertThat(new ArrayList<>(facts.keySet())).isEqualTo(new ArrayList<>(expectedFacts.keySet()));
    flats++;
  }

  private int flats;

  @Test
  void readsPlainLinesFlatAndNoOthers() {
    for (String line : LINES) {
      same(line.getBytes(StandardCharsets.UTF_8));
    }
    // C-000001, C-2 (blanks, a reference, no facts), C-21 (a DEL) and C-23 (an empty name); C-8
    // and C-9 give a name twice (the caller's to find); every other line is of another shape
    assertThat(flats).isEqualTo(4);
  }

  private static List<Object> describe(JsonInputException e) {
    return List.of(e.getMessage(), e.line(), e.column(), e.problem());
  }
}
