package org.asylex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database, as docs/deploy.md runs them behind a load balancer: two
 * {@code asylex serve} processes (JVMs of their own, so two token caches, two connection pools and
 * two group-commit writers, as in production), driven at once for {@link #DRIVE} by {@link
 * #WORKERS} clients that pick a node at random for every request: cases created, read on one node
 * and changed on the other with {@code If-Match}, assessed and stored, read back.
 *
 * <p>Afterwards: every change answered 200 is in the case's history, once, at the version it was
 * given, and the case's version counts exactly those changes (no update lost); every change refused
 * was a 412 and nothing else; every receipt id is unique and readable from either node; a client
 * never reads a case older than one it has seen; {@code asylex audit verify} finds one intact chain
 * over the events both nodes wrote; and the nodes' metrics add up to what the clients saw.
 */
class TwoNodesIT {
  static final Duration DRIVE = Duration.ofSeconds(15);
  static final int WORKERS = 6;
  static final int SHARED_CASES = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVING = Pattern.compile("serving .* at (http://\\S+/)");
  private static final Pattern METRICS = Pattern.compile("asylex: metrics (http://\\S+)");

  @TempDir Path tmp;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private String token;

  /** One {@code asylex serve} process. */
  record Node(String name, Process process, URI api, URI metrics, Path log) {}

  /** A change answered 200: the case, the note that names it and the version it made. */
  record Change(String caseId, String note, long version) {}

  /** A stored assessment: its id and the case and version it is of. */
  record Receipt(String id, String caseId, long caseVersion) {}

  @Test
  void twoNodesOnOneDatabaseLoseNoUpdateAnswer412ToEveryConflictAndKeepOneAuditTrail()
      throws Exception {
    TestPostgres.require();
    String schema = TestPostgres.createSchema();
    List<Node> nodes = new ArrayList<>();
    try {
      String url = TestPostgres.url(schema);
      CliRun added = CliRun.of("user", "add", "two-nodes", "--role", "officer", "--db", url);
      assertThat(added.exitCode()).as(added.err()).isZero();
      token = added.out().strip();
      nodes.add(start("a", url));
      nodes.add(start("b", url));
      drive(nodes, url);
    } finally {
      for (Node node : nodes) {
        node.process().destroyForcibly();
      }
      TestPostgres.dropSchema(schema);
    }
  }

  private void drive(List<Node> nodes, String url) throws Exception {
    for (int i = 0; i < SHARED_CASES; i++) {
      var created = send(nodes.get(i % 2), "POST", "/api/v1/cases", null, caseBody("shared-" + i));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    var changes = new CopyOnWriteArrayList<Change>();
    var receipts = new CopyOnWriteArrayList<Receipt>();
    var failures = new CopyOnWriteArrayList<String>();
    var conflicts = new AtomicInteger();
    var assessConflicts = new AtomicInteger();
    var created = new AtomicInteger(SHARED_CASES);
    long deadline = System.nanoTime() + DRIVE.toNanos();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    var running = new ArrayList<Future<?>>();
    for (int w = 0; w < WORKERS; w++) {
      int worker = w;
      running.add(
          workers.submit(
              () -> {
                var random = new SplittableRandom(worker * 7919L + System.nanoTime());
                var seen = new HashMap<String, Long>();
                for (int n = 0; System.nanoTime() < deadline; n++) {
                  Node node = nodes.get(random.nextInt(2));
                  Node other = nodes.get(random.nextInt(2));
                  String shared = "shared-" + random.nextInt(SHARED_CASES);
                  try {
                    int op = random.nextInt(100);
                    if (op < 10) {
                      String id = "w" + worker + "-" + n;
                      var r = send(node, "POST", "/api/v1/cases", null, caseBody(id));
                      expect(r, 201, "create " + id, failures);
                      created.incrementAndGet();
                    } else if (op < 60) {
                      patch(
                          node,
                          other,
                          shared,
                          "w" + worker + "-p" + n,
                          changes,
                          conflicts,
                          seen,
                          failures);
                    } else if (op < 80) {
                      var r =
                          send(
                              node,
                              "POST",
                              "/api/v1/cases/" + shared + "/assessments",
                              null,
                              Map.of("asOf", "2023-07-15"));
                      if (r.statusCode() == 412) {
                        // the case changed under the assessment three times: nothing stored
                        assessConflicts.incrementAndGet();
                        if (!r.body().contains("while it was being assessed")
                            || r.body().contains("If-Match")) {
                          failures.add("assess " + shared + ": 412 " + r.body());
                        }
                      } else if (expect(r, 201, "assess " + shared, failures)) {
                        JsonNode receipt = JSON.readTree(r.body());
                        receipts.add(
                            new Receipt(
                                receipt.path("id").asText(),
                                receipt.path("caseId").asText(),
                                receipt.path("caseVersion").asLong()));
                      }
                    } else {
                      read(node, shared, seen, failures);
                    }
                  } catch (IOException | RuntimeException e) {
                    failures.add(node.name() + ": " + e);
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get(DRIVE.toSeconds() + 120, TimeUnit.SECONDS);
    }
    workers.shutdown();
    System.out.printf(
        "two nodes, %d s, %d clients: %d cases created, %d changes, %d conflicts (412),"
            + " %d stored assessments, %d assessments refused as the case kept changing (412)%n",
        DRIVE.toSeconds(),
        WORKERS,
        created.get(),
        changes.size(),
        conflicts.get(),
        receipts.size(),
        assessConflicts.get());

    assertThat(failures).as("requests answered otherwise than expected").isEmpty();
    assertThat(changes).as("changes made").isNotEmpty();
    assertThat(conflicts.get()).as("changes refused as stale (the nodes did contend)").isPositive();
    noUpdateLost(nodes, changes);
    receiptsUnique(nodes, receipts);
    metricsAddUp(nodes, changes, conflicts.get());
    stop(nodes);
    CliRun verify = CliRun.of("audit", "verify", "--db", url);
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    Matcher intact = Pattern.compile("^intact: (\\d+) events").matcher(verify.out());
    assertThat(intact.find()).as(verify.out()).isTrue();
    // at least one event per case created, change (read + update) and stored assessment
    assertThat(Long.parseLong(intact.group(1)))
        .isGreaterThanOrEqualTo(created.get() + 2L * changes.size() + receipts.size());
  }

  /** Reads the case on one node and changes it on the other with the version read. */
  private void patch(
      Node reader,
      Node writer,
      String caseId,
      String note,
      List<Change> changes,
      AtomicInteger conflicts,
      Map<String, Long> seen,
      List<String> failures)
      throws IOException, InterruptedException {
    JsonNode read = read(reader, caseId, seen, failures);
    if (read == null) {
      return;
    }
    long version = read.path("version").asLong();
    boolean desertion = read.path("facts").path("desertion").asBoolean();
    var body = Map.of("facts", Map.of("desertion", !desertion), "note", note);
    var r = send(writer, "PATCH", "/api/v1/cases/" + caseId, "\"" + version + "\"", body);
    if (r.statusCode() == 412) {
      conflicts.incrementAndGet();
      return;
    }
    if (expect(r, 200, "change " + caseId + " at " + version, failures)) {
      long now = JSON.readTree(r.body()).path("version").asLong();
      if (now != version + 1
          || !r.headers().firstValue("ETag").orElse("").equals("\"" + now + "\"")) {
        failures.add("change of " + caseId + " at " + version + " made version " + now);
      }
      changes.add(new Change(caseId, note, now));
      seen.merge(caseId, now, Math::max);
    }
  }

  /** Reads a case; a client never sees a version older than one it saw before, on either node. */
  private JsonNode read(Node node, String caseId, Map<String, Long> seen, List<String> failures)
      throws IOException, InterruptedException {
    var r = send(node, "GET", "/api/v1/cases/" + caseId, null, null);
    if (!expect(r, 200, "read " + caseId, failures)) {
      return null;
    }
    JsonNode c = JSON.readTree(r.body());
    long version = c.path("version").asLong();
    long before = seen.getOrDefault(caseId, 0L);
    if (version < before) {
      failures.add(node.name() + " served " + caseId + " at " + version + " after " + before);
    }
    seen.merge(caseId, version, Math::max);
    return c;
  }

  private void noUpdateLost(List<Node> nodes, List<Change> changes) throws Exception {
    for (int i = 0; i < SHARED_CASES; i++) {
      String caseId = "shared-" + i;
      List<Change> mine = changes.stream().filter(c -> c.caseId().equals(caseId)).toList();
      var now =
          JSON.readTree(
              send(nodes.get(i % 2), "GET", "/api/v1/cases/" + caseId, null, null).body());
      assertThat(now.path("version").asLong()).as(caseId).isEqualTo(1L + mine.size());
      assertThat(now.path("facts").path("desertion").asBoolean())
          .as("%s flipped %d times", caseId, mine.size())
          .isEqualTo(mine.size() % 2 == 1);
      JsonNode history =
          JSON.readTree(
              send(
                      nodes.get((i + 1) % 2),
                      "GET",
                      "/api/v1/cases/" + caseId + "/history",
                      null,
                      null)
                  .body());
      Map<String, Long> recorded = new LinkedHashMap<>();
      for (JsonNode change : history.path("changes")) {
        if (!change.path("note").isNull()) {
          assertThat(recorded.put(change.path("note").asText(), change.path("version").asLong()))
              .as("one history entry per change")
              .isNull();
        }
      }
      Map<String, Long> answered = new LinkedHashMap<>();
      mine.forEach(c -> answered.put(c.note(), c.version()));
      assertThat(recorded).as("the history of %s", caseId).isEqualTo(answered);
    }
  }

  private void receiptsUnique(List<Node> nodes, List<Receipt> receipts) throws Exception {
    Set<String> ids = new HashSet<>();
    for (Receipt receipt : receipts) {
      assertThat(ids.add(receipt.id())).as("receipt id %s given once", receipt.id()).isTrue();
    }
    Map<String, Integer> perCase = new HashMap<>();
    receipts.forEach(r -> perCase.merge(r.caseId(), 1, Integer::sum));
    for (int i = 0; i < SHARED_CASES; i++) {
      String caseId = "shared-" + i;
      JsonNode list =
          JSON.readTree(
              send(nodes.get(i % 2), "GET", "/api/v1/cases/" + caseId + "/assessments", null, null)
                  .body());
      assertThat(list.path("items").size()).as(caseId).isEqualTo(perCase.getOrDefault(caseId, 0));
    }
    for (Receipt receipt : receipts.subList(0, Math.min(20, receipts.size()))) {
      for (Node node : nodes) {
        var r = send(node, "GET", "/api/v1/case-assessments/" + receipt.id(), null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode stored = JSON.readTree(r.body());
        assertThat(stored.path("caseId").asText()).isEqualTo(receipt.caseId());
        assertThat(stored.path("caseVersion").asLong()).isEqualTo(receipt.caseVersion());
      }
    }
  }

  /** Each node counts its own requests; together they count what the clients saw. */
  private void metricsAddUp(List<Node> nodes, List<Change> changes, int conflicts)
      throws Exception {
    long ok = 0;
    long stale = 0;
    for (Node node : nodes) {
      var ready = send(node, "GET", "/ready", null, null);
      assertThat(ready.statusCode()).as(node.name() + " ready").isEqualTo(200);
      var scrape =
          http.send(
              HttpRequest.newBuilder(node.metrics()).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.statusCode()).isEqualTo(200);
      String body = scrape.body();
      ok += count(body, "PATCH", "/api/v1/cases/{id}", 200);
      stale += count(body, "PATCH", "/api/v1/cases/{id}", 412);
      assertThat(body).contains("hikaricp_connections_max{pool=\"asylex-postgresql\"}");
      assertThat(body).doesNotContain("shared-0");
    }
    assertThat(ok).isEqualTo(changes.size());
    assertThat(stale).isEqualTo(conflicts);
  }

  private static long count(String metrics, String method, String route, int status) {
    String series =
        "http_server_requests_seconds_count{method=\""
            + method
            + "\",route=\""
            + route
            + "\",status=\""
            + status
            + "\"} ";
    for (String line : metrics.split("\n")) {
      if (line.startsWith(series)) {
        return (long) Double.parseDouble(line.substring(series.length()).strip());
      }
    }
    return 0;
  }

  private static boolean expect(
      HttpResponse<String> r, int status, String what, List<String> failures) {
    if (r.statusCode() == status) {
      return true;
    }
    failures.add(what + ": " + r.statusCode() + " " + r.body());
    return false;
  }

  private static Map<String, Object> caseBody(String id) throws IOException {
    String facts = Files.readString(Path.of(CliRun.EXAMPLES, "conscript-refusing-service.json"));
    var body = new LinkedHashMap<String, Object>();
    body.put("id", id);
    body.put("facts", JSON.readValue(facts, LinkedHashMap.class));
    return body;
  }

  private HttpResponse<String> send(
      Node node, String method, String path, String ifMatch, Object body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(node.api().resolve(path.substring(1)))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Node start(String name, String url) throws Exception {
    Path log = tmp.resolve("node-" + name + ".log");
    Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp-" + name));
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-Djava.io.tmpdir=" + javaTmp);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "serve",
            "--port",
            "0",
            "--metrics-port",
            "0",
            "--db",
            url,
            "--policies",
            CliRun.POLICIES));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String out = Files.readString(log);
      Matcher api = SERVING.matcher(out);
      Matcher metrics = METRICS.matcher(out);
      if (api.find() && metrics.find()) {
        return new Node(name, p, URI.create(api.group(1)), URI.create(metrics.group(1)), log);
      }
      assertThat(p.isAlive()).as("node %s runs: %s", name, out).isTrue();
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("node " + name + " did not start: " + Files.readString(log));
  }

  /** SIGTERM to both: each lets its requests finish and closes its pool. */
  private static void stop(List<Node> nodes) throws Exception {
    for (Node node : nodes) {
      node.process().destroy();
    }
    for (Node node : nodes) {
      assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(node.process().exitValue())
          .as("%s ends as asked: %s", node.name(), Files.readString(node.log()))
          .isIn(0, 143);
    }
  }
}
