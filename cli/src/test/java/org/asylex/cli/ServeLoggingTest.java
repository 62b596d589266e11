package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.asylex.app.Application;
import org.asylex.app.Today;
import org.asylex.app.policy.AssumptionSettings;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.app.users.ApiTokens;
import org.asylex.server.AsylexServer;
import org.asylex.server.ServerConfig;
import org.asylex.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The log of {@code asylex serve}, configured as the command line configures it (logback.xml with
 * the levels serve sets): a client's malformed Host is refused without its text being copied into a
 * warning (issue 13, logging).
 */
class ServeLoggingTest {
  @TempDir Path data;

  private static String send(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      var bytes = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aMalformedHostIsNotCopiedIntoTheLog() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    System.setProperty("asylex.log.level", "WARN");
    System.setProperty("asylex.log.http", "INFO");
    System.setProperty("asylex.log.asylex", "INFO");
    var appender = new ListAppender<ILoggingEvent>();
    try {
      context.reset();
      var configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(Main.class.getResource("/logback.xml"));
      appender.setContext(context);
      appender.start();
      context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);

      try (Application app =
              Application.open(
                  StoreConfig.dataDirectory(data),
                  PolicyCatalog.of(Path.of(CliRun.POLICIES), AssumptionSettings.none()),
                  Today.system(),
                  new ApiTokens(4));
          AsylexServer server = AsylexServer.start(ServerConfig.defaults().withPort(0), app)) {
        for (String host :
            List.of(
                "evil host", "evil-host:notaport", "[evil-host", "evil@host", "evil-host:99999")) {
          String answer =
              send(
                  server.port(),
                  "GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
          assertThat(answer).startsWith("HTTP/1.1 400");
        }
      }
      List<String> lines;
      synchronized (appender.list) {
        lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      }
      assertThat(lines).noneMatch(line -> line.contains("evil"));
    } finally {
      System.clearProperty("asylex.log.level");
      System.clearProperty("asylex.log.http");
      System.clearProperty("asylex.log.asylex");
      context.reset();
      var again = new JoranConfigurator();
      again.setContext(context);
      again.doConfigure(Main.class.getResource("/logback.xml"));
    }
  }
}
