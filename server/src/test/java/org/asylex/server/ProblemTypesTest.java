package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.asylex.server.api.ApiDocs;
import org.asylex.server.http.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the server answers with (the one table, {@link ProblemType}) has a title in
 * the one style and is documented in the OpenAPI document and in docs/api.md (issue 13, defect 8
 * and "one style for problem titles").
 */
class ProblemTypesTest {
  @Test
  void titlesAreShortPhrasesInSentenceCaseWithoutAFullStop() {
    for (ProblemType type : ProblemType.values()) {
      assertThat(type.title())
          .as(type.code())
          .matches("[A-Z][A-Za-z0-9]*( [A-Za-z0-9]+)*")
          .isNotEqualTo("Error");
      String rest = type.title().substring(type.title().indexOf(' ') + 1);
      if (type.title().contains(" ")) {
        assertThat(rest.split(" "))
            .as("%s: words after the first are lower case, or an acronym", type.title())
            .allMatch(w -> w.equals(w.toLowerCase()) || w.equals(w.toUpperCase()));
      }
    }
  }

  @Test
  void everyTypeIsInTheOpenApiDocumentAndInTheApiGuide() throws Exception {
    String openApi = ApiDocs.openApi().toString();
    String guide = Files.readString(TestServer.repoRoot().resolve("docs/api.md"));
    for (ProblemType type : ProblemType.values()) {
      assertThat(openApi)
          .as("openapi.yaml names %s", type.code())
          .contains("`" + type.code() + "`");
      assertThat(guide)
          .as("docs/api.md lists %s", type.code())
          .contains("| " + type.status() + " | `" + type.code() + "` |");
    }
  }
}
