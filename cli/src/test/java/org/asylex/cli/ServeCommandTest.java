package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up failures of {@code asylex serve}; serving itself is tested in the server module and
 * by the API smoke test of {@code .ci/run}, which starts and stops the real command.
 */
class ServeCommandTest {
  @TempDir Path data;

  @Test
  void aMissingPolicyDirectoryIsNamedAndNothingIsServed() {
    CliRun run =
        CliRun.of(
            "serve", "--port", "0", "--data", data.toString(), "--policies", "/nonexistent/packs");

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err()).contains("/nonexistent/packs");
    assertThat(run.out()).doesNotContain("serving");
  }

  @Test
  void aPortInUseIsReportedWithoutAStackTrace() throws Exception {
    try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run =
          CliRun.of(
              "serve",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--data",
              data.toString(),
              "--policies",
              CliRun.POLICIES);

      assertThat(run.exitCode()).isEqualTo(Main.INVALID);
      assertThat(run.err())
          .contains("cannot serve on 127.0.0.1:" + taken.getLocalPort())
          .doesNotContain("\tat ");
    }
  }

  @Test
  void anIncompleteOidcConfigurationIsRefused() {
    CliRun run =
        CliRun.of(
            "serve",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--oidc-issuer",
            "https://id.example");

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err()).contains("--oidc-audience").contains("--oidc-jwks");
  }

  @Test
  void aWebClientIdWithoutASecretIsRefusedNamingWhereTheSecretComesFrom() throws Exception {
    java.nio.file.Path jwks = data.resolveSibling("jwks.json");
    java.nio.file.Files.writeString(jwks, "{\"keys\":[]}");
    CliRun run =
        CliRun.of(
            "serve",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--oidc-issuer",
            "https://id.example",
            "--oidc-audience",
            "asylex",
            "--oidc-jwks",
            jwks.toString(),
            "--oidc-client-id",
            "asylex-web",
            "--oidc-client-secret-file",
            data.resolveSibling("no-such-secret").toString(),
            "--policies",
            CliRun.POLICIES);

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err()).contains("--oidc-client-secret-file").doesNotContain("\tat ");
  }

  @Test
  void aBodyLimitAbove16MiBIsRefused() {
    CliRun run =
        CliRun.of(
            "serve",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--policies",
            CliRun.POLICIES,
            "--max-body",
            "17000000");

    assertThat(run.exitCode()).isEqualTo(Main.INVALID);
    assertThat(run.err()).isEqualTo("asylex: --max-body takes 1 to 16777216 bytes, not 17000000\n");
  }
}
