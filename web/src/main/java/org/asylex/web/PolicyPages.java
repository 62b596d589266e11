package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.users.Role;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceDocument;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Timeline;

/**
 * A pack's letter, with every sentence a rule quotes marked and linked to the rules citing it, and
 * its assumptions and interpretations with their alternatives. Policy texts, no case data: officers
 * (who follow a report's quotes here) and policy analysts read them.
 */
public final class PolicyPages {
  private static final EnumSet<Role> READERS = EnumSet.of(Role.OFFICER, Role.POLICY_ANALYST);
  private final Site site;

  PolicyPages(Site site) {
    this.site = site;
  }

  /** A run of the letter's text: quoted by rules (with an anchor) or not. */
  public record Segment(String text, List<String> anchors, List<String> rules) {
    public boolean quoted() {
      return !rules.isEmpty();
    }

    /** The mark's own id; a quote that starts inside another's mark gets an empty anchor. */
    public String anchor() {
      return anchors.isEmpty() ? "" : anchors.get(0);
    }

    public List<String> otherAnchors() {
      return anchors.size() < 2 ? List.of() : anchors.subList(1, anchors.size());
    }
  }

  public record LetterPage(
      Frame frame,
      PolicyPack pack,
      SourceDocument document,
      String title,
      List<Segment> segments) {}

  public record RulesPage(Frame frame, PolicyPack pack) {}

  /** The timeline: drawn, and as text (the drawing's text alternative). */
  public record TimelinePage(
      Frame frame, PolicyPack pack, TimelineSvg.Drawing drawing, List<Timeline.Entry> entries) {}

  /** What differs between two dates. */
  public record DiffPage(
      Frame frame,
      PolicyPack pack,
      String from,
      String to,
      java.util.Optional<PolicyDiff.Result> diff,
      String error) {}

  public record AssumptionsPage(Frame frame, PolicyPack pack, List<Assumption> assumptions) {}

  void mount(JavalinConfig javalin) {
    site.get(javalin, "/policy/{pack}/letter/{document}", READERS, this::letter);
    site.get(javalin, "/policy/{pack}/assumptions", READERS, this::assumptions);
    site.get(javalin, "/policy/{pack}/timeline", READERS, this::timeline);
    site.get(javalin, "/policy/{pack}/diff", READERS, this::diff);
    site.get(
        javalin,
        "/policy/{pack}/rules",
        READERS,
        (ctx, v) -> site.pages.render(ctx, "rules.jte", new RulesPage(v.frame(), pack(ctx))));
  }

  private PolicyPack pack(Context ctx) {
    return site.app.policies().require(ctx.pathParam("pack"));
  }

  private void letter(Context ctx, Site.Visit v) {
    PolicyPack pack = pack(ctx);
    String id = ctx.pathParam("document");
    SourceDocument doc =
        pack.source(id)
            .orElseThrow(
                () ->
                    new Refused(
                        new Refusal.InvalidValue(
                            "document", "not-found", "no such letter in the pack")));
    site.pages.render(
        ctx,
        "letter.jte",
        new LetterPage(
            v.frame(), pack, doc, Texts.in(doc.title(), v.frame().lang()), segments(pack, doc)));
  }

  private void timeline(Context ctx, Site.Visit v) {
    var view =
        site.app
            .policyQueries()
            .timeline(site.app.policyQueries().pack(ctx.pathParam("pack"), java.util.Map.of()));
    site.pages.render(
        ctx,
        "timeline.jte",
        new TimelinePage(v.frame(), view.pack(), TimelineSvg.of(view), view.entries()));
  }

  private void diff(Context ctx, Site.Visit v) {
    var view = site.app.policyQueries().pack(ctx.pathParam("pack"), java.util.Map.of());
    String from = ctx.queryParam("from") == null ? "" : ctx.queryParam("from").trim();
    String to = ctx.queryParam("to") == null ? "" : ctx.queryParam("to").trim();
    java.util.Optional<PolicyDiff.Result> diff = java.util.Optional.empty();
    String error = "";
    if (!from.isEmpty() || !to.isEmpty()) {
      try {
        diff =
            java.util.Optional.of(
                site.app
                    .policyQueries()
                    .diff(view, java.time.LocalDate.parse(from), java.time.LocalDate.parse(to))
                    .diff());
      } catch (java.time.format.DateTimeParseException e) {
        error = v.t().get("diff.badDate");
      } catch (Refused e) {
        error = v.t().get("diff.order");
      }
    }
    if (!error.isEmpty()) {
      ctx.status(422);
    }
    site.pages.render(ctx, "diff.jte", new DiffPage(v.frame(), view.pack(), from, to, diff, error));
  }

  private void assumptions(Context ctx, Site.Visit v) {
    PolicyPack pack = pack(ctx);
    site.pages.render(
        ctx, "assumptions.jte", new AssumptionsPage(v.frame(), pack, pack.assumptions()));
  }

  /**
   * The letter cut at the quoted spans. Spans that overlap are drawn as one mark, citing every rule
   * of each.
   */
  static List<Segment> segments(PolicyPack pack, SourceDocument doc) {
    String text = doc.text();
    var ends = new TreeMap<Integer, Integer>();
    var citing = new TreeMap<Integer, Set<String>>();
    for (Rule rule : pack.rules()) {
      for (Rule.Version version : rule.versions()) {
        for (SourceQuote q : version.sources()) {
          if (q.document().equals(doc.id()) && q.span().start() < text.length()) {
            int start = q.span().start();
            ends.merge(start, Math.min(q.span().end(), text.length()), Math::max);
            citing.computeIfAbsent(start, k -> new LinkedHashSet<>()).add(rule.id());
          }
        }
      }
    }
    var segments = new ArrayList<Segment>();
    int at = 0;
    var starts = new ArrayList<>(ends.keySet());
    int i = 0;
    while (i < starts.size()) {
      int start = Math.max(starts.get(i), at);
      int end = ends.get(starts.get(i));
      var anchors = new ArrayList<String>();
      var rules = new LinkedHashSet<String>();
      while (i < starts.size() && starts.get(i) < end) {
        anchors.add(Report.anchor(starts.get(i)));
        rules.addAll(citing.get(starts.get(i)));
        end = Math.max(end, ends.get(starts.get(i)));
        i++;
      }
      if (start > at) {
        segments.add(new Segment(text.substring(at, start), List.of(), List.of()));
      }
      segments.add(new Segment(text.substring(start, end), anchors, List.copyOf(rules)));
      at = end;
    }
    if (at < text.length()) {
      segments.add(new Segment(text.substring(at), List.of(), List.of()));
    }
    return segments;
  }
}
