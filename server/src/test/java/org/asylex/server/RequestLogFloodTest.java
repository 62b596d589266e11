package org.asylex.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.asylex.server.http.RequestLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * A flood of bad tokens does not flood the log (issue 13, logging): 401 lines are written at most
 * ten a second, and the next one written says how many were left out.
 */
class RequestLogFloodTest {
  private static String status(ILoggingEvent e) {
    for (KeyValuePair pair : e.getKeyValuePairs()) {
      if (pair.key.equals("status")) {
        return String.valueOf(pair.value);
      }
    }
    return "";
  }

  private static long suppressed(List<ILoggingEvent> lines) {
    long total = 0;
    for (ILoggingEvent e : lines) {
      for (KeyValuePair pair : e.getKeyValuePairs()) {
        if (pair.key.equals("suppressed")) {
          total += ((Number) pair.value).longValue();
        }
      }
    }
    return total;
  }

  @Test
  void refusedTokensAreLoggedAtMostTenASecondWithACountOfTheRest() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    try (TestServer server = TestServer.start()) {
      logger.addAppender(appender);
      ApiClient client = server.client();
      long start = System.nanoTime();
      int sent = 0;
      while (System.nanoTime() - start < 1_500_000_000L) {
        String bad = "asx_" + String.format("%016x", sent) + "_" + "C".repeat(43);
        assertThat(client.get("/api/v1/me", bad).status()).isIn(401, 429);
        sent++;
      }
      Thread.sleep(1_100);
      assertThat(client.get("/api/v1/me", "asx_ffffffffffffffff_" + "D".repeat(43)).status())
          .isIn(401, 429);
      sent++;
      Thread.sleep(200);
      List<ILoggingEvent> refusals;
      synchronized (appender.list) {
        refusals =
            appender.list.stream()
                .filter(e -> status(e).equals("401") || status(e).equals("429"))
                .toList();
      }
      assertThat(sent).isGreaterThan(100);
      assertThat(refusals.size()).as("lines for %d refused requests", sent).isLessThanOrEqualTo(40);
      assertThat(refusals.size() + suppressed(refusals)).isEqualTo(sent);
    } finally {
      logger.detachAppender(appender);
    }
  }
}
