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
}
