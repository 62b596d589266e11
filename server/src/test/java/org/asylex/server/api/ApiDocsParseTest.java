package org.asylex.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The API description is read strictly, so that what is served is what the linters see. */
class ApiDocsParseTest {
  @Test
  void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
    String yaml =
        "openapi: 3.1.0\n"
            + "paths: {}\n"
            + "components:\n"
            + "  schemas:\n"
            + "    Time: {type: string}\n"
            + "    Time: {type: integer}\n";
    assertThatThrownBy(() -> ApiDocs.parse(yaml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("Duplicate field 'Time'");
  }

  @Test
  void theServedDocumentHasEachKeyOnce() {
    assertThat(
            ApiDocs.openApi()
                .path("components")
                .path("schemas")
                .path("Time")
                .path("format")
                .asText())
        .isEqualTo("date-time");
  }
}
