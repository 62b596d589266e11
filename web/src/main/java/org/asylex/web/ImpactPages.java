package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.asylex.app.AssumptionProblem;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.cases.FactsAsOf;
import org.asylex.app.impact.ChangedFinding;
import org.asylex.app.impact.DailyCounts;
import org.asylex.app.impact.Impact;
import org.asylex.app.impact.ImpactPoint;
import org.asylex.app.impact.ImpactReport;
import org.asylex.app.impact.ImpactSentences;
import org.asylex.app.users.Role;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.web.SignInPages.FieldError;

/**
 * The impact of a policy change on the stored cases ({@code GET /impact}): the use case of {@code
 * POST /api/v1/impact} over the store, read and audited the same way ({@code case.export}), drawn
 * per element as a transition matrix with its table, the groups gained and lost and the summary's
 * sentences; and the cases under the decision moratorium per day over the same period, as a time
 * axis with its table. A policy analyst sees aggregates only; an officer also the changed cases,
 * linked to their pages.
 */
public final class ImpactPages {
  /** Changed findings listed for an officer; more are counted. */
  static final int MAX_LISTED = 200;

  static final String BEFORE = "before.";
  static final String AFTER = "after.";

  private static final EnumSet<Role> READERS = EnumSet.of(Role.POLICY_ANALYST, Role.OFFICER);
  private final Site site;

  ImpactPages(Site site) {
    this.site = site;
  }

  void mount(JavalinConfig javalin) {
    site.get(javalin, "/impact", READERS, this::impact);
  }

  /**
   * The form as given: dates and the time of the facts as typed (empty: the facts as they are),
   * assumption values by id (empty: as configured).
   */
  public record Form(
      String from,
      String to,
      String factsAsOf,
      Map<String, String> before,
      Map<String, String> after) {
    public Form {
      before = Map.copyOf(before);
      after = Map.copyOf(after);
    }

    public String before(String id) {
      return before.getOrDefault(id, "");
    }

    public String after(String id) {
      return after.getOrDefault(id, "");
    }
  }

  /** A value an assumption may be given, with its words. */
  public record Option(String value, String label) {}

  /** An assumption the form can set at either point. */
  public record AssumptionField(
      String pack,
      String id,
      String type,
      String configured,
      List<Option> options,
      String statement) {
    public AssumptionField {
      options = List.copyOf(options);
    }

    public boolean select() {
      return !options.isEmpty();
    }
  }

  /** One element's impact as the page draws it. */
  public record ElementView(
      String id,
      String title,
      ImpactSvg.Matrix matrix,
      List<String> outcomes,
      List<List<Long>> counts,
      List<ImpactReport.GroupChange> groups,
      List<String> sentences,
      long changed) {}

  /** A changed finding of one case, for an officer. */
  public record ChangedRow(String id, String element, String before, String after) {}

  /** What the analysis found. */
  public record Result(
      ImpactReport report,
      List<ElementView> elements,
      List<ChangedRow> changed,
      long changedTotal,
      ImpactSvg.Axis axis,
      LocalDate seriesFrom,
      LocalDate seriesTo,
      boolean officer) {}

  public record ImpactPage(
      Frame frame,
      Form form,
      List<AssumptionField> fields,
      List<FieldError> errors,
      Optional<Result> result) {}

  private void impact(Context ctx, Site.Visit v) throws InterruptedException {
    Texts t = v.t();
    Form form = form(ctx);
    List<AssumptionField> fields = fields(t);
    if (ctx.queryParam("from") == null) {
      site.pages.render(
          ctx, "impact.jte", new ImpactPage(v.frame(), form, fields, List.of(), Optional.empty()));
      return;
    }
    var errors = new ArrayList<FieldError>();
    Optional<LocalDate> from = date(form.from(), "impact-from", true, t, errors);
    Optional<LocalDate> to = date(form.to(), "impact-to", false, t, errors);
    LocalDate start = from.orElse(null);
    LocalDate end = to.orElse(start);
    if (start != null && end != null) {
      LocalDate lo = start.isBefore(end) ? start : end;
      LocalDate hi = start.isBefore(end) ? end : start;
      if (ChronoUnit.DAYS.between(lo, hi) + 1 > DailyCounts.MAX_DAYS) {
        errors.add(
            new FieldError("impact-to", t.get("impact.error.tooLong", DailyCounts.MAX_DAYS)));
      }
    }
    Optional<Instant> factsAsOf = factsAsOf(form.factsAsOf(), t, errors);
    checkValues(form.before(), "before-", t, errors);
    checkValues(form.after(), "after-", t, errors);
    Result result = null;
    if (errors.isEmpty()) {
      try {
        result = run(v, start, end, factsAsOf, form);
      } catch (Refused r) {
        if (!(r.refusal() instanceof Refusal.InvalidValue bad)
            || !bad.field().equals(FactsAsOf.FIELD)) {
          throw r;
        }
        errors.add(new FieldError(FACTS_FIELD, t.get("impact.error.factsAsOf." + bad.code())));
      }
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      site.pages.render(
          ctx, "impact.jte", new ImpactPage(v.frame(), form, fields, errors, Optional.empty()));
      return;
    }
    site.pages.render(
        ctx, "impact.jte", new ImpactPage(v.frame(), form, fields, List.of(), Optional.of(result)));
  }

  /** The form's field for the time of the facts. */
  static final String FACTS_FIELD = "impact-facts";

  /** The time of the facts as typed, read as every front end reads it; empty when not given. */
  static Optional<Instant> factsAsOf(String given, Texts t, List<FieldError> errors) {
    if (given.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(FactsAsOf.parse(FactsAsOf.FIELD, given));
    } catch (Refused r) {
      errors.add(new FieldError(FACTS_FIELD, t.get("impact.error.factsAsOf.bad-time")));
      return Optional.empty();
    }
  }

  private Result run(
      Site.Visit v, LocalDate from, LocalDate to, Optional<Instant> factsAsOf, Form form)
      throws InterruptedException {
    boolean officer = v.session().role() == Role.OFFICER;
    var before = new ImpactPoint(site.app.policies(), from, form.before());
    var after = new ImpactPoint(site.app.policies(), to, form.after());
    var changed = new ArrayList<ChangedFinding>();
    long[] changedTotal = {0};
    Impact.Listener listener =
        new Impact.Listener() {
          @Override
          public void changed(ChangedFinding finding) {
            if (!officer) {
              return; // a policy analyst sees aggregates only
            }
            changedTotal[0]++;
            if (changed.size() < MAX_LISTED) {
              changed.add(finding);
            }
          }
        };
    ImpactReport report =
        factsAsOf.isPresent()
            ? site.app.impact().compareStored(v.actor(), factsAsOf.get(), before, after, listener)
            : site.app.impact().compareStored(v.actor(), before, after, listener);
    Texts t = v.t();
    var sentences = new ImpactSentences(v.frame().lang() == Lang.EN ? Language.EN : Language.NL);
    var elements = new ArrayList<ElementView>();
    for (ImpactReport.ElementImpact e : report.elements()) {
      elements.add(element(e, t, sentences));
    }
    var rows = new ArrayList<ChangedRow>();
    for (ChangedFinding c : changed) {
      rows.add(
          new ChangedRow(
              c.id(),
              c.element(),
              t.get(ImpactSvg.key(c.before())),
              t.get(ImpactSvg.key(c.after()))));
    }
    LocalDate lo = from.isBefore(to) ? from : to;
    LocalDate hi = from.isBefore(to) ? to : from;
    var series = new LinkedHashMap<String, DailyCounts.Series>();
    if (form.before().equals(form.after())) {
      series.put(
          t.get("impact.series.one"),
          DailyCounts.underDecisionMoratorium(site.app.policies(), form.before())
              .stored(site.app.cases(), v.actor(), factsAsOf, lo, hi));
    } else {
      series.put(
          t.get("impact.series.before"),
          DailyCounts.underDecisionMoratorium(site.app.policies(), form.before())
              .stored(site.app.cases(), v.actor(), factsAsOf, lo, hi));
      series.put(
          t.get("impact.series.after"),
          DailyCounts.underDecisionMoratorium(site.app.policies(), form.after())
              .stored(site.app.cases(), v.actor(), factsAsOf, lo, hi));
    }
    return new Result(
        report, elements, rows, changedTotal[0], ImpactSvg.axis(series), lo, hi, officer);
  }

  private static ElementView element(
      ImpactReport.ElementImpact e, Texts t, ImpactSentences sentences) {
    List<Optional<Outcome>> outcomes = ImpactSvg.outcomes(e);
    var counts = new ArrayList<List<Long>>();
    for (Optional<Outcome> from : outcomes) {
      var row = new ArrayList<Long>();
      for (Optional<Outcome> to : outcomes) {
        row.add(ImpactSvg.count(e, from, to));
      }
      counts.add(row);
    }
    var said = new ArrayList<String>();
    for (ImpactReport.Change c : e.changes()) {
      said.add(sentences.sentence(e, c));
    }
    return new ElementView(
        e.element(),
        e.title() == null ? e.element() : Texts.in(e.title(), t.lang()),
        ImpactSvg.matrix(e, t),
        outcomes.stream().map(o -> t.get(ImpactSvg.key(o))).toList(),
        counts,
        e.groups(),
        said,
        e.changed());
  }

  private static Form form(Context ctx) {
    var before = new TreeMap<String, String>();
    var after = new TreeMap<String, String>();
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              String value = values.isEmpty() ? "" : values.get(0).strip();
              if (value.isEmpty()) {
                return;
              }
              if (name.startsWith(BEFORE)) {
                before.put(name.substring(BEFORE.length()), value);
              } else if (name.startsWith(AFTER)) {
                after.put(name.substring(AFTER.length()), value);
              }
            });
    return new Form(
        text(ctx.queryParam("from")),
        text(ctx.queryParam("to")),
        text(ctx.queryParam(FactsAsOf.FIELD)),
        before,
        after);
  }

  private static String text(String given) {
    return given == null ? "" : given.strip();
  }

  private static Optional<LocalDate> date(
      String given, String field, boolean required, Texts t, List<FieldError> errors) {
    if (given.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, t.get("impact.error." + field + ".missing")));
      }
      return Optional.empty();
    }
    try {
      if (given.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(given));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError(field, t.get("impact.error." + field + ".date")));
    return Optional.empty();
  }

  /** The values of one point checked against every pack: each one that does not fit, named. */
  private void checkValues(
      Map<String, String> values, String prefix, Texts t, List<FieldError> errors) {
    for (PolicyPack pack : site.app.policies().packs()) {
      var own = new TreeMap<String, String>();
      values.forEach(
          (id, value) -> {
            if (pack.assumption(id).isPresent()) {
              own.put(id, value);
            }
          });
      try {
        site.app.policies().values(pack, own);
      } catch (Refused r) {
        if (r.refusal() instanceof Refusal.InvalidAssumptions invalid) {
          for (AssumptionProblem p : invalid.problems()) {
            errors.add(
                new FieldError(
                    prefix + p.id(),
                    t.get(
                        "impact.error.assumption." + prefix.replace("-", ""),
                        p.id(),
                        p.message())));
          }
        } else {
          throw r;
        }
      }
    }
    for (String id : values.keySet()) {
      if (site.app.policies().packs().stream().noneMatch(p -> p.assumption(id).isPresent())) {
        errors.add(new FieldError("impact-from", t.get("impact.error.unknownAssumption", id)));
      }
    }
  }

  /** The assumptions a point can set: booleans, dates and choices, with a choice's words. */
  private List<AssumptionField> fields(Texts t) {
    var fields = new ArrayList<AssumptionField>();
    var seen = new java.util.HashSet<String>();
    for (PolicyPack pack : site.app.policies().packs()) {
      var values = site.app.policies().values(pack);
      for (Assumption a : pack.assumptions()) {
        if (!a.overridable() || !seen.add(a.id())) {
          continue;
        }
        String configured = plain(values, a).orElse(a.defaultValue());
        var options = new ArrayList<Option>();
        if (a.type() == Assumption.Type.BOOLEAN) {
          options.add(new Option("true", t.get("impact.bool.true")));
          options.add(new Option("false", t.get("impact.bool.false")));
        } else if (a.type() == Assumption.Type.CHOICE) {
          for (String value : a.values()) {
            options.add(
                new Option(
                    value,
                    ValueWords.assumption(a, value, t)
                        .map(w -> value + " (" + w + ")")
                        .orElse(value)));
          }
        }
        fields.add(
            new AssumptionField(
                pack.id(),
                a.id(),
                a.type().id(),
                configured,
                options,
                Texts.in(a.statement(), t.lang())));
      }
    }
    return fields;
  }

  /** An assumption's configured value as a form would write it. */
  private static Optional<String> plain(
      org.asylex.engine.policy.AssumptionValues values, Assumption a) {
    return values
        .get(a.id())
        .map(
            v -> {
              if (v instanceof org.asylex.engine.expr.Value.Bool b) {
                return String.valueOf(b.value());
              }
              if (v instanceof org.asylex.engine.expr.Value.Date d) {
                return d.value().toString();
              }
              if (v instanceof org.asylex.engine.expr.Value.Text x) {
                return x.value();
              }
              return v.toString();
            });
  }
}
