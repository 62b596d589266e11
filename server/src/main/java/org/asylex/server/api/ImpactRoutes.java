package org.asylex.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.app.Application;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.cases.FactsAsOf;
import org.asylex.app.impact.ChangedFinding;
import org.asylex.app.impact.Impact;
import org.asylex.app.impact.ImpactJson;
import org.asylex.app.impact.ImpactPoint;
import org.asylex.app.impact.ImpactReport;
import org.asylex.app.users.Role;
import org.asylex.json.Json;
import org.asylex.server.http.ApiProblem;
import org.asylex.server.http.ApiRoute;
import org.asylex.server.http.JsonBodies;
import org.asylex.server.http.ProblemType;
import org.asylex.server.http.Requests;

/**
 * {@code POST /api/v1/impact}: the impact of a policy change on the stored cases (no body, or an
 * empty JSON object) or on posted ones (JSON Lines), at two points named in the query. A policy
 * analyst gets the aggregates; an officer also every changed finding, streamed as it is found.
 */
final class ImpactRoutes {
  static final String NDJSON = "application/x-ndjson";
  private static final String BEFORE = "assumeBefore.";
  private static final String AFTER = "assumeAfter.";

  /** Rejected lines listed in the answer; more are counted in the report only. */
  static final int MAX_REJECTED_LISTED = 1000;

  private final Application app;

  private ImpactRoutes(Application app) {
    this.app = app;
  }

  static List<ApiRoute> routes(Application app) {
    var r = new ImpactRoutes(app);
    return List.of(
        ApiRoute.of(
            HandlerType.POST,
            "/api/v1/impact",
            "impact",
            Refusals.answered(Refusals.Inputs.query(""), r::impact),
            Role.POLICY_ANALYST,
            Role.OFFICER));
  }

  private void impact(Context ctx) throws IOException, InterruptedException {
    Params.only(ctx, Set.of("from", "to"), Set.of(BEFORE, AFTER));
    LocalDate from = Params.date(ctx, "from", true).orElseThrow();
    LocalDate to = Params.date(ctx, "to", false).orElse(from);
    var before = new ImpactPoint(app.policies(), from, Params.prefixed(ctx, BEFORE));
    var after = new ImpactPoint(app.policies(), to, Params.prefixed(ctx, AFTER));
    boolean officer = Requests.actor(ctx).role() == Role.OFFICER;
    String actor = Requests.actor(ctx).name();
    Cases cases = cases(ctx);
    var answer = new Answer(ctx, officer);
    ImpactReport report;
    if (cases.posted().isPresent()) {
      report = new Impact().compare(cases.posted().get(), before, after, answer);
    } else if (cases.factsAsOf().isPresent()) {
      Instant at;
      try {
        at = FactsAsOf.parse(FactsAsOf.FIELD, cases.factsAsOf().get());
        report = app.impact().compareStored(actor, at, before, after, answer);
      } catch (Refused e) {
        if (e.refusal() instanceof Refusal.InvalidValue v && v.field().equals(FactsAsOf.FIELD)) {
          throw Refusals.problem(v, Refusals.Inputs.BODY); // the body's field, /factsAsOf
        }
        throw e;
      }
    } else {
      report = app.impact().compareStored(actor, before, after, answer);
    }
    answer.finish(report);
  }

  /**
   * The posted cases, or the stored ones (empty {@code posted}), with the time of their facts when
   * the body gives one.
   */
  private record Cases(Optional<InputStream> posted, Optional<String> factsAsOf) {}

  /**
   * The posted cases (JSON Lines), or the store: no body, {@code {}}, or {@code {"factsAsOf": T}}.
   */
  private static Cases cases(Context ctx) throws IOException {
    String length = ctx.header("Content-Length");
    boolean chunked = ctx.header("Transfer-Encoding") != null;
    if (!chunked && (length == null || length.strip().equals("0"))) {
      return new Cases(Optional.empty(), Optional.empty());
    }
    String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
    String media = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (media.equals(NDJSON)) {
      long max = ctx.appData(JsonBodies.MAX_BYTES);
      if (ctx.req().getContentLengthLong() > max) {
        throw org.asylex.server.http.Problems.bodyTooLarge();
      }
      return new Cases(Optional.of(new LimitedInput(ctx.bodyInputStream(), max)), Optional.empty());
    }
    Map<String, Object> json = JsonBodies.read(ctx);
    if (!Set.of(FactsAsOf.FIELD).containsAll(json.keySet())) {
      throw new ApiProblem(
          ProblemType.BAD_REQUEST,
          "Give the points in the query (from, to, assumeBefore.ID, assumeAfter.ID); the body is"
              + " empty (or only {\"factsAsOf\": TIME}) for the stored cases, or the cases as "
              + NDJSON
              + ".");
    }
    var body = new BodyFields(json, Set.of(FactsAsOf.FIELD));
    Optional<String> factsAsOf = body.text(FactsAsOf.FIELD, 64, false);
    body.throwIfInvalid();
    return new Cases(Optional.empty(), factsAsOf);
  }

  /**
   * Writes the answer: the changed findings (officer only) as they come, then the rejected lines
   * and the report. Nothing is written before the first changed finding or the end, so that a
   * refusal before any case is read is still a problem document.
   */
  private static final class Answer implements Impact.Listener {
    private final Context ctx;
    private final boolean officer;
    private final List<Map<String, Object>> rejected = new ArrayList<>();
    private OutputStream out;
    private boolean firstChange = true;

    Answer(Context ctx, boolean officer) {
      this.ctx = ctx;
      this.officer = officer;
    }

    @Override
    public void rejected(long line, Optional<String> caseId, int column, List<String> problems) {
      if (rejected.size() < MAX_REJECTED_LISTED) {
        var m = new LinkedHashMap<String, Object>();
        m.put("line", line);
        if (officer) {
          m.put("caseId", caseId.orElse(null));
        }
        m.put("column", column > 0 ? column : null);
        m.put("problems", problems);
        rejected.add(m);
      }
    }

    @Override
    public void changed(ChangedFinding finding) {
      if (!officer) {
        return; // a policy analyst sees aggregates only
      }
      write((firstChange ? "" : ",") + ImpactJson.changedLine(finding));
      firstChange = false;
    }

    private void write(String text) {
      try {
        if (out == null) {
          ctx.status(200).contentType("application/json");
          out = new BufferedOutputStream(ctx.outputStream(), 1 << 16);
          out.write("{\"changed\":[".getBytes(StandardCharsets.UTF_8));
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void finish(ImpactReport report) throws IOException {
      String tail =
          ",\"rejectedLines\":"
              + Json.compact(rejected)
              + ",\"report\":"
              + Json.compact(ImpactJson.report(report))
              + "}";
      if (officer) {
        write("]" + tail);
        out.flush();
      } else {
        JsonResponses.sendWritten(ctx, 200, "{" + tail.substring(1));
      }
    }
  }

  /** A body read up to the configured limit; more is a 413 before anything is answered. */
  private static final class LimitedInput extends java.io.FilterInputStream {
    private final long max;
    private long read;

    LimitedInput(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
        if (read > max) {
          throw org.asylex.server.http.Problems.bodyTooLarge();
        }
      }
      return n;
    }
  }
}
