package org.asylex.cli;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asylex.app.Application;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.server.AsylexServer;
import org.asylex.server.MetricsEndpoint;
import org.asylex.server.OidcConfig;
import org.asylex.server.ServerConfig;
import org.asylex.web.WebConfig;
import org.asylex.web.WebOidc;
import org.asylex.web.WebUi;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code asylex serve}: the HTTP API over the packs and the store, until SIGTERM or Ctrl-C. On a
 * signal the server stops accepting requests, lets those in flight finish, then closes the store;
 * nothing is left half-written because every store change is one transaction.
 */
@Command(
    name = "serve",
    description = {
      "Serve the web UI at / and the HTTP API (docs/api.md): assessments, policies, cases, the"
          + " audit trail.",
      "Binds to 127.0.0.1 by default; every route that touches cases needs a token from 'asylex"
          + " user add'. The API description is at /openapi.json, an interactive page at"
          + " /api-docs. One log line per request on standard error (never a fact value or a"
          + " token)."
    },
    mixinStandardHelpOptions = true)
final class ServeCommand extends StoreCommand {
  @Mixin PackOptions packs;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Put a TLS proxy"
              + " in front before binding to anything else.")
  String bind;

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      defaultValue = "1048576",
      description =
          "Largest request body accepted, 1 to 16777216 (16 MiB; bodies are read into memory)"
              + " (default: ${DEFAULT-VALUE}); larger is 413.")
  long maxBody;

  @Option(
      names = "--metrics-port",
      paramLabel = "N",
      description =
          "Serve Prometheus metrics at /metrics on this port (0 picks a free one), apart from the"
              + " API: no token, so keep it to this machine or a monitoring network. Off unless"
              + " given.")
  Integer metricsPort;

  @Option(
      names = "--metrics-bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address of the metrics port (default: ${DEFAULT-VALUE}).")
  String metricsBind;

  @ArgGroup(exclusive = false, heading = "Web UI theme (optional)%n")
  Theme theme;

  /** A deployment's own NL Design System theme instead of the bundled neutral one. */
  static final class Theme {
    @Option(
        names = "--web-theme-class",
        required = true,
        paramLabel = "CLASS",
        description = "The theme's CSS class, e.g. rijkshuisstijl-theme.")
    String themeClass;

    @Option(
        names = "--web-theme-css",
        required = true,
        paramLabel = "FILE",
        description = "The CSS file of the theme's design tokens, defining that class.")
    Path css;
  }

  @ArgGroup(exclusive = false, heading = "OpenID Connect (optional: bearer JWTs)%n")
  Oidc oidc;

  /** Accept JWTs of an OpenID Connect provider beside API tokens. */
  static final class Oidc {
    @Option(names = "--oidc-issuer", required = true, paramLabel = "URL", description = "iss")
    String issuer;

    @Option(
        names = "--oidc-audience",
        required = true,
        paramLabel = "AUD",
        description = "An aud the token must name.")
    String audience;

    @Option(
        names = "--oidc-jwks",
        required = true,
        paramLabel = "URL|FILE",
        description = "The provider's JWKS: an https URL or a local file.")
    String jwks;

    @Option(
        names = "--oidc-role-claim",
        paramLabel = "CLAIM",
        defaultValue = OidcConfig.DEFAULT_ROLE_CLAIM,
        description = "Claim holding the Asylex role (default: ${DEFAULT-VALUE}).")
    String roleClaim;

    @Option(
        names = "--oidc-client-id",
        paramLabel = "ID",
        description =
            "The web UI's client id: sign-in through the provider (code flow with PKCE). The"
                + " secret comes from --oidc-client-secret-file or ASYLEX_OIDC_CLIENT_SECRET.")
    String clientId;

    @Option(
        names = "--oidc-client-secret-file",
        paramLabel = "FILE",
        description = "A file holding the client secret (never on the command line).")
    Path clientSecretFile;

    @Option(
        names = "--oidc-redirect-uri",
        paramLabel = "URL",
        description =
            "Where the provider sends the browser back (default: derived from the request,"
                + " <scheme>://<host>/sign-in/oidc/callback).")
    URI redirectUri;

    /** The browser sign-in's provider, when a client id is given. */
    java.util.Optional<WebOidc> web() {
      if (clientId == null) {
        if (clientSecretFile != null || redirectUri != null) {
          throw new UsageError(
              "--oidc-client-secret-file/--oidc-redirect-uri need --oidc-client-id");
        }
        return java.util.Optional.empty();
      }
      String secret;
      try {
        secret =
            WebOidc.readSecret(java.util.Optional.ofNullable(clientSecretFile))
                .orElseThrow(
                    () ->
                        new UsageError(
                            "--oidc-client-id needs a client secret: --oidc-client-secret-file"
                                + " FILE or the environment variable "
                                + WebOidc.SECRET_ENV));
      } catch (java.io.IOException e) {
        throw new UsageError(
            "--oidc-client-secret-file: cannot read " + clientSecretFile + ": " + e.getMessage());
      }
      WebOidc web = WebOidc.of(URI.create(issuer), clientId, secret, roleClaim);
      return java.util.Optional.of(redirectUri == null ? web : web.withRedirectUri(redirectUri));
    }

    OidcConfig config() {
      try {
        OidcConfig c;
        if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
          c = OidcConfig.jwksUrl(issuer, audience, new URI(jwks).toURL());
        } else {
          c = OidcConfig.jwksFile(issuer, audience, Path.of(jwks));
        }
        return c.withRoleClaim(roleClaim);
      } catch (URISyntaxException | MalformedURLException e) {
        throw new UsageError("--oidc-jwks: not a URL: " + jwks);
      } catch (java.io.IOException | java.text.ParseException e) {
        throw new UsageError("--oidc-jwks: cannot read a JWK set from " + jwks + ": " + e);
      }
    }
  }

  @Override
  public Integer call() {
    // Logging is configured when the first logger is made, which is after this (logback.xml).
    System.setProperty("asylex.log.level", "WARN");
    System.setProperty("asylex.log.http", "INFO");
    System.setProperty("asylex.log.asylex", "INFO");
    try {
      return super.call();
    } finally {
      // The store is closed now (StoreCommand); the shutdown hook may let the JVM end.
      closed.countDown();
    }
  }

  /** The server logs them at start-up instead ({@code asylex.startup}), and counts them. */
  @Override
  void noteReceipts(org.asylex.app.cases.ReceiptConversion.Result receipts) {
    // AsylexServer.start logs them.
  }

  /** Counted down once the store is closed, so that the JVM does not end before that. */
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  PolicyCatalog catalog() {
    PolicyCatalog catalog = packs.catalog();
    try {
      catalog.requireAllUsable();
    } catch (PolicyCatalog.InvalidPacks e) {
      e.problems().forEach(p -> err().println(p));
      throw new UsageError("the policy packs are invalid; run 'asylex policy validate'");
    }
    return catalog;
  }

  /** The server's configuration from the options. */
  private ServerConfig serverConfig() {
    if (maxBody < 1 || maxBody > ServerConfig.MAX_BODY_LIMIT) {
      throw new UsageError(
          "--max-body takes 1 to " + ServerConfig.MAX_BODY_LIMIT + " bytes, not " + maxBody);
    }
    ServerConfig serverConfig =
        ServerConfig.defaults().withBind(bind).withPort(port).withMaxBodyBytes(maxBody);
    return oidc == null ? serverConfig : serverConfig.withOidc(oidc.config());
  }

  /** The web UI's configuration from the options. */
  private WebConfig webConfig() {
    WebConfig web = WebConfig.defaults();
    java.util.Optional<WebOidc> signIn = oidc == null ? java.util.Optional.empty() : oidc.web();
    if (signIn.isPresent()) {
      web = web.withOidc(signIn.get());
    }
    if (theme == null) {
      return web;
    }
    try {
      return web.withTheme(theme.themeClass, theme.css);
    } catch (IllegalArgumentException e) {
      throw new UsageError("--web-theme-class: " + e.getMessage());
    }
  }

  @Override
  int run(Application app, String actor) {
    ServerConfig serverConfig = serverConfig();
    WebConfig webConfig = webConfig();
    AsylexServer server;
    try {
      server = AsylexServer.start(serverConfig, app, java.util.List.of(new WebUi(webConfig)));
    } catch (RuntimeException e) {
      throw new UsageError("cannot serve on " + bind + ":" + port + ": " + e.getMessage());
    }
    MetricsEndpoint metrics = startMetrics(server);
    var stopped = new CountDownLatch(1);
    var stopping = new AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              if (stopping.compareAndSet(false, true)) {
                err().println("asylex: stopping (letting requests in flight finish) ...");
                if (metrics != null) {
                  metrics.close();
                }
                server.stop();
                stopped.countDown();
                try {
                  // The JVM ends when the hooks have run: wait until the store is closed.
                  closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            "asylex-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    announce(app, server, metrics);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (metrics != null) {
        metrics.close();
      }
      server.stop();
    }
    // The store closes after this returns (StoreCommand): only once the server has stopped.
    return 0;
  }

  /** What is served where, the packs, and warnings about the setup. */
  private void announce(Application app, AsylexServer server, MetricsEndpoint metrics) {
    out().println("asylex: serving " + app.storeDescription() + " at " + server.url());
    for (PolicyPack p : app.policies().packs()) {
      out().println("asylex: policy " + p.id() + " " + p.version() + " (" + p.contentHash() + ")");
    }
    out().println("asylex: web UI " + server.url());
    out().println("asylex: API description " + server.url().resolve("api-docs"));
    if (metrics != null) {
      out().println("asylex: metrics " + metrics.url());
      if (!loopback(metricsBind)) {
        err().println("asylex: warning: metrics on " + metricsBind + " need no token: firewall it");
      }
    }
    if (!loopback(bind)) {
      err()
          .println(
              "asylex: warning: listening on "
                  + bind
                  + ", beyond this machine, over plain HTTP: tokens and case data cross the network"
                  + " unencrypted unless a TLS proxy is in front");
    }
    if (app.accounts().count() == 0) {
      err()
          .println(
              "asylex: there are no accounts yet; add one with 'asylex user add NAME --role ROLE'");
    }
    out().flush();
  }

  /** The metrics port, when asked for; null when not. */
  private MetricsEndpoint startMetrics(AsylexServer server) {
    if (metricsPort == null) {
      return null;
    }
    if (metricsPort < 0 || metricsPort > 65_535) {
      server.stop();
      throw new UsageError("--metrics-port takes 0 to 65535, not " + metricsPort);
    }
    try {
      return MetricsEndpoint.start(server, metricsBind, metricsPort);
    } catch (RuntimeException e) {
      server.stop();
      throw new UsageError(
          "cannot serve metrics on " + metricsBind + ":" + metricsPort + ": " + e.getMessage());
    }
  }

  private static boolean loopback(String address) {
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
