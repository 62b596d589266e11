package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pack's words for values (its {@code labels}) on the pages, in Dutch and English: the intake
 * form's choices, the case's facts and history, the readings a report rests on, the assumptions.
 * The form still posts the value's id.
 */
class ValueLabelsPagesTest {
  private static WebTestServer server;

  @BeforeAll
  static void start() {
    server = WebTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpBrowser officer() throws Exception {
    return server.signedIn("officer");
  }

  @Test
  void theIntakeFormLabelsEnumChoicesWithThePacksWordsAndPostsTheirIds() throws Exception {
    var b = officer();
    var first = b.get("/cases/new");
    var form =
        b.post(
            "/cases/new",
            Map.of(
                "csrf", HttpBrowser.csrf(first),
                "fact.countryOfOrigin", "RU",
                "fact.gender", "male",
                "fact.dateOfBirth", "2000-01-01",
                "fact.militaryStatus", "reservist",
                "step", "next"));

    assertThat(form.body())
        .contains("value=\"contractSoldier\"")
        .contains("value=\"reservist\" checked")
        .contains(">beroepsmilitair (contractsoldaat)</label>")
        .doesNotContain(">contractSoldier</label>")
        .contains(">man</label>");
  }

  @Test
  void theCaseAndItsHistoryShowTheWordsInThePagesLanguage() throws Exception {
    var created =
        server
            .app()
            .cases()
            .create(
                null,
                null,
                Map.of("countryOfOrigin", "RU", "regionOfOrigin", "RU-CE", "gender", "female"),
                "",
                "setup");
    server
        .app()
        .cases()
        .change(created.id(), Optional.empty(), Map.of("militaryStatus", "none"), null, "", "t");
    var b = officer();

    assertThat(b.get("/cases/" + created.id()).body())
        .contains("<dd>Tsjetsjenië</dd>")
        .contains("<dd>vrouw</dd>")
        .doesNotContain("<dd>RU-CE</dd>");
    assertThat(b.get("/cases/" + created.id() + "/history").body())
        .contains("Militaire status")
        .contains("geen (nooit opgeroepen en nooit in dienst geweest)");

    b.get("/language?to=en&back=%2Fcases");
    assertThat(b.get("/cases/" + created.id()).body())
        .contains("<dd>Chechnya</dd>")
        .contains("<dd>female</dd>");
    assertThat(b.get("/cases/" + created.id() + "/history").body())
        .contains("none (never called up and never served)");
  }

  @Test
  void theReportNamesTheReadingItRestsOnInWords() throws Exception {
    var created =
        server
            .app()
            .cases()
            .create(
                null,
                null,
                Map.of(
                    "countryOfOrigin", "RU",
                    "dateOfBirth", "2000-01-01",
                    "militaryStatus", "conscript",
                    "refusesMilitaryService", true),
                "",
                "setup");
    var receipt =
        server
            .app()
            .assessments()
            .assess(
                created.id(),
                Optional.of(java.time.LocalDate.parse("2023-01-15")),
                Map.of(),
                "setup");
    var b = officer();

    assertThat(b.get("/assessments/" + receipt.id()).body())
        .contains("#a-conscript-reading\">conscript-reading</a> (tot de dienst verplicht");
  }

  @Test
  void theAssumptionsPageGivesAChoicesValuesTheirWords() throws Exception {
    var b = officer();

    String page = b.get("/policy/RU/assumptions").body();

    assertThat(page)
        .contains("<code class=\"utrecht-code\">liable</code> (tot de dienst verplicht")
        .contains(
            "<code class=\"utrecht-code\">all-three</code> (de eis van kritiek geldt voor alle drie");
  }
}
