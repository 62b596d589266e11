package org.asylex.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import org.asylex.server.http.RequestLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The request log of the pages: route templates and actors, never facts, ids, passwords or cookies.
 */
class WebRequestLogTest {
  @Test
  void thePagesLogNoCaseDataPasswordSessionOrCaseId() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    try (WebTestServer server = WebTestServer.start()) {
      var b = new HttpBrowser(server.url());
      b.signIn("officer", WebTestServer.PASSWORD);
      String csrf = HttpBrowser.csrf(b.get("/cases/new"));
      var form = new LinkedHashMap<String, String>();
      form.put("csrf", csrf);
      form.put("reference", "PERSONAL-REF-77");
      form.put("fact.countryOfOrigin", "RU");
      form.put("fact.regionOfOrigin", "RU-CE");
      form.put("step", "save");
      String casePath = b.post("/cases/new", form).headers().firstValue("Location").orElseThrow();
      b.get(casePath);
      String caseId = casePath.substring("/cases/".length());

      String log =
          appender.list.stream()
              .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs())
              .collect(Collectors.joining("\n"));

      assertThat(log).contains("/cases/{id}").contains("actor=\"officer\"");
      assertThat(log)
          .doesNotContain("PERSONAL-REF-77")
          .doesNotContain("RU-CE")
          .doesNotContain(caseId)
          .doesNotContain(WebTestServer.PASSWORD)
          .doesNotContain(b.cookies.get(Site.SESSION_COOKIE))
          .doesNotContain(csrf);
    } finally {
      logger.detachAppender(appender);
    }
  }
}
