package org.asylex.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.asylex.json.Json;
import org.junit.jupiter.api.Test;

/** The values written without Jackson are written exactly as Jackson writes them. */
class JsonColumnsTest {
  @Test
  void valuesAreWrittenAsJacksonWritesThem() throws Exception {
    var values = new java.util.ArrayList<Object>();
    values.addAll(
        List.of(
            "",
            "RU",
            "2001-08-09",
            "a \"quoted\" word",
            "back\\slash",
            "line\nbreak",
            "tab\t",
            "\u0000\u001f\u007f",
            "é ü ж 中 😀",
            "\ud800 lone surrogate",
            "</script>",
            true,
            false,
            0L,
            -42L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            7,
            Integer.MIN_VALUE,
            1.5,
            List.of("a", 1L),
            Map.of("k", "v")));
    for (int c = 0; c < 0x800; c++) {
      values.add("x" + (char) c + "y");
    }
    for (Object v : values) {
      assertEquals(Json.MAPPER.writeValueAsString(v), JsonColumns.value(v), String.valueOf(v));
    }
    assertEquals(null, JsonColumns.value(null));
  }

  /** The facts' JSON written without Jackson (flat, plain facts) too, for any name and value. */
  @Test
  void factsAreWrittenAsJacksonWritesThem() throws Exception {
    var names = List.of("countryOfOrigin", "", "a \"q\"", "back\\slash", "line\nbreak", "é ж 😀");
    var values =
        new java.util.ArrayList<Object>(
            List.of("RU", "", "a \"quoted\" word", "tab\t", "é ü ж 😀", true, false, -42L, 7, 1.5));
    values.add(List.of("a", 1L));
    values.add(Map.of("k", "v"));
    var random = new java.util.SplittableRandom(12);
    for (int i = 0; i < 5_000; i++) {
      var facts = new java.util.LinkedHashMap<String, Object>();
      int n = random.nextInt(6);
      for (int k = 0; k < n; k++) {
        String name = names.get(random.nextInt(names.size())) + (random.nextBoolean() ? k : "");
        facts.put(name.isBlank() ? "f" + k : name, values.get(random.nextInt(values.size())));
      }
      if (random.nextInt(4) == 0) {
        facts.put("unset", null);
      }
      var set = new java.util.LinkedHashMap<String, Object>(facts);
      set.values().removeIf(java.util.Objects::isNull);
      assertEquals(
          Json.MAPPER.writeValueAsString(set),
          JsonColumns.written(facts, "case 'A-1'").json(),
          facts.keySet().toString());
    }
  }
}
