package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Reproduce" on a stored assessment says what it found in the visitor's language. */
class ReproductionPageTest {
  @Test
  void anUnchangedReRunIsExplainedInDutchAndInEnglish() throws Exception {
    try (WebTestServer server = WebTestServer.start()) {
      var created =
          server.app().cases().create(null, null, Map.of("countryOfOrigin", "RU"), "", "setup");
      var receipt =
          server.app().assessments().assess(created.id(), Optional.empty(), Map.of(), "setup");
      var b = new HttpBrowser(server.url());
      b.signIn("officer", WebTestServer.PASSWORD);

      String dutch = b.get("/assessments/" + receipt.id() + "/reproduction").body();
      assertThat(dutch)
          .contains("De bevindingen zijn gelijk aan de opgeslagen toetsing.")
          .doesNotContain("list\" lang=\"en\"");

      b.cookies.put(Lang.COOKIE, "en");
      String english = b.get("/assessments/" + receipt.id() + "/reproduction").body();
      assertThat(english).contains("The findings are the same as the stored assessment");
    }
  }
}
