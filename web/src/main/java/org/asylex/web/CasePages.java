package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.cases.FactsAsOf;
import org.asylex.app.cases.Reproduction;
import org.asylex.app.impact.CaseSearch;
import org.asylex.app.impact.Deadlines;
import org.asylex.app.users.Role;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.ReceiptJson;
import org.asylex.store.CaseRecord;
import org.asylex.store.FactChange;
import org.asylex.store.StoredAssessment;
import org.asylex.web.SignInPages.FieldError;

/**
 * The officer's case pages. Each calls the use cases of the API routes it mirrors, so it is audited
 * alike: the list reads the cases it lists, or with a search or filter every case ({@code
 * case.list}, as the API's list with {@code lapses-within}), the case page reads the case ({@code
 * case.read}) and its receipts ({@code assessment.list}), the report reads one receipt ({@code
 * assessment.read}), the history reads the history ({@code case.history}).
 */
public final class CasePages {
  static final int PAGE_SIZE = 25;
  private static final EnumSet<Role> OFFICER = EnumSet.of(Role.OFFICER);
  private final Site site;

  CasePages(Site site) {
    this.site = site;
  }

  public record CaseListPage(Frame frame, CaseSearch.Page page, ListForm form) {
    public boolean hasPrevious() {
      return page.offset() > 0;
    }

    public boolean hasNext() {
      return page.offset() + page.items().size() < page.total();
    }

    /** This list at another offset, with the same search, filters and sort. */
    public String at(int offset) {
      return "/cases?" + form.query() + "offset=" + Math.max(0, offset);
    }
  }

  /**
   * The list's GET form as given: text search, findings (ids), lapses-within days as typed, sort.
   */
  public record ListForm(String q, Set<String> findings, String lapses, String sort) {
    public boolean has(String finding) {
      return findings.contains(finding);
    }

    /** The form as query parameters, each followed by '&amp;'. */
    String query() {
      var b = new StringBuilder();
      if (!q.isEmpty()) {
        b.append("q=").append(encode(q)).append('&');
      }
      findings.stream().sorted().forEach(f -> b.append("finding=").append(encode(f)).append('&'));
      if (!lapses.isEmpty()) {
        b.append("lapses=").append(encode(lapses)).append('&');
      }
      if (!sort.isEmpty()) {
        b.append("sort=").append(encode(sort)).append('&');
      }
      return b.toString();
    }
  }

  /** A fact of a case as the page shows it: the pack's label, the stored value. */
  public record FactRow(String name, String label, String value) {}

  public record CasePage(
      Frame frame,
      CaseRecord record,
      List<FactRow> facts,
      List<StoredAssessment> receipts,
      AssessAt assessAt,
      List<FieldError> errors) {
    public CasePage {
      errors = List.copyOf(errors);
    }

    /** The message for {@code field}, or null. */
    public String error(String field) {
      return errors.stream()
          .filter(e -> e.field().equals(field))
          .map(FieldError::message)
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * The form that assesses a case under the policy on a date with its facts as recorded at a time,
   * as typed (empty: today; the facts as they are).
   */
  public record AssessAt(String asOf, String factsAsOf) {
    static final AssessAt EMPTY = new AssessAt("", "");

    public boolean given() {
      return !asOf.isEmpty() || !factsAsOf.isEmpty();
    }
  }

  static final String AS_OF_FIELD = "assess-asof";
  static final String FACTS_FIELD = "assess-facts";

  public record ReportPage(
      Frame frame, StoredAssessment receipt, List<Report.Element> elements, String notice) {}

  public record HistoryPage(Frame frame, String caseId, List<HistoryRow> changes) {}

  /** A change of a fact as the history shows it: the pack's label and words for the values. */
  public record HistoryRow(
      long version,
      String at,
      String actor,
      String fact,
      String oldValue,
      String newValue,
      String note) {}

  /**
   * A re-run: its kind, the differences and reasons in the visitor's language, and what the engine
   * or the application said in English (input errors, a refusal without words in the bundles).
   */
  public record ReproductionPage(
      Frame frame,
      StoredAssessment receipt,
      String kind,
      List<DiffWords.Said> differences,
      List<DiffWords.Said> reasons,
      List<String> english) {}

  void mount(JavalinConfig javalin) {
    site.get(javalin, "/cases", OFFICER, this::list);
    site.get(
        javalin,
        "/cases/open",
        OFFICER,
        (ctx, v) -> ctx.redirect("/cases/" + encode(ctx.queryParam("id"))));
    site.get(javalin, "/cases/{id}", OFFICER, this::show);
    site.post(javalin, "/cases/{id}/assess", OFFICER, this::assess);
    site.get(javalin, "/cases/{id}/history", OFFICER, this::history);
    site.get(javalin, "/assessments/{id}", OFFICER, this::report);
    site.get(javalin, "/assessments/{id}/reproduction", OFFICER, this::reproduce);
  }

  private void list(Context ctx, Site.Visit v) {
    int offset = (int) Forms.whole(ctx.queryParam("offset"), 0, 0, Integer.MAX_VALUE);
    var form =
        new ListForm(
            text(ctx.queryParam("q")),
            new TreeSet<>(ctx.queryParams("finding")),
            text(ctx.queryParam("lapses")),
            text(ctx.queryParam("sort")));
    var findings = EnumSet.noneOf(CaseSearch.Finding.class);
    form.findings().forEach(f -> findings.add(CaseSearch.Finding.of(f)));
    OptionalInt lapses =
        form.lapses().isEmpty()
            ? OptionalInt.empty()
            : OptionalInt.of((int) Forms.whole(form.lapses(), -1, 0, Deadlines.MAX_DAYS));
    CaseSearch.Sort sort =
        switch (form.sort()) {
          case "reference" -> CaseSearch.Sort.REFERENCE;
          case "updated" -> CaseSearch.Sort.UPDATED;
          default -> CaseSearch.Sort.ID;
        };
    CaseSearch.Page page =
        site.app
            .caseSearch()
            .find(
                new CaseSearch.Query(form.q(), findings, lapses, sort),
                offset,
                PAGE_SIZE,
                v.actor());
    site.pages.render(ctx, "cases.jte", new CaseListPage(v.frame(), page, form));
  }

  private static String text(String given) {
    return given == null ? "" : given.strip();
  }

  private void show(Context ctx, Site.Visit v) {
    show(ctx, v, AssessAt.EMPTY, List.of());
  }

  private void show(Context ctx, Site.Visit v, AssessAt form, List<FieldError> errors) {
    CaseRecord c = site.app.cases().find(ctx.pathParam("id"), v.actor());
    List<StoredAssessment> receipts = site.app.assessments().forCase(c.id(), v.actor());
    site.pages.render(
        ctx,
        "case.jte",
        new CasePage(v.frame(), c, factRows(c.facts(), v.frame().lang()), receipts, form, errors));
  }

  /** The stored facts with the labels of the pack of the case's country, in the pack's order. */
  List<FactRow> factRows(Map<String, Object> facts, Lang lang) {
    Optional<PolicyPack> pack = packFor(facts);
    var rows = new ArrayList<FactRow>();
    if (pack.isPresent()) {
      for (FactDefinition f : pack.get().facts().facts()) {
        if (facts.containsKey(f.name())) {
          rows.add(
              new FactRow(
                  f.name(),
                  Texts.in(f.label(), lang),
                  ValueWords.fact(f, facts.get(f.name()), Texts.of(lang))));
        }
      }
    }
    facts.forEach(
        (name, value) -> {
          if (rows.stream().noneMatch(r -> r.name().equals(name))) {
            rows.add(new FactRow(name, name, String.valueOf(value)));
          }
        });
    return rows;
  }

  Optional<PolicyPack> packFor(Map<String, ?> facts) {
    return site.app.policies().packFor(facts);
  }

  /**
   * Assesses the case: today on its facts as they are, or (the form {@link AssessAt}) under the
   * policy on a date, on its facts as recorded at a time, as {@code case assess ID --as-of D
   * --facts-as-of T}; a date or time that cannot be used is shown beside its field.
   */
  private void assess(Context ctx, Site.Visit v) {
    Texts t = v.t();
    var form = new AssessAt(text(ctx.formParam("asOf")), text(ctx.formParam(FactsAsOf.FIELD)));
    var errors = new ArrayList<FieldError>();
    Optional<LocalDate> asOf = Optional.empty();
    if (!form.asOf().isEmpty()) {
      try {
        if (!form.asOf().matches("\\d{4}-\\d{2}-\\d{2}")) {
          throw new DateTimeParseException("not YYYY-MM-DD", form.asOf(), 0);
        }
        asOf = Optional.of(LocalDate.parse(form.asOf()));
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(AS_OF_FIELD, t.get("case.error.asOf")));
      }
    }
    Optional<Instant> factsAsOf = Optional.empty();
    if (!form.factsAsOf().isEmpty()) {
      try {
        factsAsOf = Optional.of(FactsAsOf.parse(FactsAsOf.FIELD, form.factsAsOf()));
      } catch (Refused r) {
        errors.add(new FieldError(FACTS_FIELD, t.get("case.error.factsAsOf.bad-time")));
      }
    }
    StoredAssessment receipt = null;
    if (errors.isEmpty()) {
      try {
        receipt =
            site.app
                .assessments()
                .assess(ctx.pathParam("id"), asOf, factsAsOf, Map.of(), v.actor());
      } catch (Refused r) {
        if (!(r.refusal() instanceof Refusal.InvalidValue bad)
            || !bad.field().equals(FactsAsOf.FIELD)) {
          throw r;
        }
        errors.add(new FieldError(FACTS_FIELD, factsRefused(bad, t)));
      }
    }
    if (!errors.isEmpty()) {
      ctx.status(422);
      show(ctx, v, form, errors);
      return;
    }
    ctx.redirect("/assessments/" + encode(receipt.id()), HttpStatus.SEE_OTHER);
  }

  /** A refused time of the facts in the visitor's words, by the refusal's code. */
  private static String factsRefused(Refusal.InvalidValue bad, Texts t) {
    return switch (bad.code()) {
      case "in-future", "before-case" -> t.get("case.error.factsAsOf." + bad.code());
      default -> t.get("case.error.factsAsOf.bad-time");
    };
  }

  private void history(Context ctx, Site.Visit v) {
    String id = ctx.pathParam("id");
    List<FactChange> changes = site.app.cases().history(id, v.actor());
    site.pages.render(
        ctx, "history.jte", new HistoryPage(v.frame(), id, historyRows(changes, v.frame().t())));
  }

  /**
   * The history's rows in words, with the labels of the pack of the country the case has after its
   * latest change of country (labels are wording; the values shown are those stored).
   */
  List<HistoryRow> historyRows(List<FactChange> changes, Texts t) {
    var rows = new ArrayList<HistoryRow>();
    var country = new java.util.HashMap<String, Object>();
    long latest = Long.MIN_VALUE;
    for (FactChange c : changes) {
      if (c.fact().equals("countryOfOrigin") && c.version() >= latest) {
        latest = c.version();
        country.clear();
        c.newValue().ifPresent(n -> country.put(c.fact(), n));
      }
    }
    Optional<PolicyPack> pack = packFor(country);
    for (FactChange c : changes) {
      String label =
          pack.flatMap(p -> p.facts().fact(c.fact()))
              .map(f -> Texts.in(f.label(), t.lang()))
              .orElse(c.fact());
      rows.add(
          new HistoryRow(
              c.version(),
              c.at().toString(),
              c.actor(),
              label,
              c.oldValue().map(o -> ValueWords.fact(pack, c.fact(), o, t)).orElse("–"),
              c.newValue().map(n -> ValueWords.fact(pack, c.fact(), n, t)).orElse("–"),
              c.note().orElse("")));
    }
    return rows;
  }

  private void report(Context ctx, Site.Visit v) {
    StoredAssessment receipt = site.app.assessments().find(ctx.pathParam("id"), v.actor());
    Lang lang = v.frame().lang();
    site.pages.render(
        ctx,
        "report.jte",
        new ReportPage(
            v.frame(),
            receipt,
            Report.of(
                ReceiptJson.findings(receipt), lang, site.app.policies().byId(receipt.packId())),
            Texts.in(org.asylex.json.AssessmentJson.NOTICE, lang)));
  }

  private void reproduce(Context ctx, Site.Visit v) {
    Reproduction r = site.app.assessments().reproduce(ctx.pathParam("id"), v.actor());
    Optional<PolicyPack> pack =
        r instanceof Reproduction.Identical i
            ? Optional.of(i.pack())
            : r instanceof Reproduction.Different d
                ? Optional.of(d.pack())
                : r instanceof Reproduction.FactsInvalid f
                    ? Optional.of(f.pack())
                    : r instanceof Reproduction.CannotAssess c
                        ? Optional.of(c.pack())
                        : Optional.empty();
    var words = new DiffWords(v.t(), pack);
    List<DiffWords.Said> differences = List.of();
    List<DiffWords.Said> reasons = List.of();
    // Input errors and refusals are worded by the engine and the application (English).
    var english = new ArrayList<String>();
    if (r instanceof Reproduction.Identical i) {
      reasons = words.reasons(i.notes());
    } else if (r instanceof Reproduction.Different d) {
      differences = words.differences(d.differences());
      reasons = words.reasons(d.reasons());
    } else if (r instanceof Reproduction.FactsInvalid f) {
      f.errors().forEach(e -> english.add(e.messageWithoutValue()));
      reasons = words.reasons(f.reasons());
    } else if (r instanceof Reproduction.CannotAssess c) {
      reasons = refusal(v.t(), c.refusal(), english, words.reasons(c.reasons()));
    } else if (r instanceof Reproduction.PackGone g) {
      reasons = refusal(v.t(), g.refusal(), english, List.of());
    }
    String kind = r.getClass().getSimpleName();
    site.pages.render(
        ctx,
        "reproduction.jte",
        new ReproductionPage(v.frame(), r.stored(), kind, differences, reasons, english));
  }

  /** A refusal before the reasons: in the bundle's words if it has them, else in English. */
  private static List<DiffWords.Said> refusal(
      Texts t, org.asylex.app.Refusal refusal, List<String> english, List<DiffWords.Said> rest) {
    String key = "refusal." + refusal.code();
    if (!t.has(key)) {
      english.add(refusal.message());
      return rest;
    }
    var all = new ArrayList<DiffWords.Said>();
    all.add(new DiffWords.Said(t.get(key), List.of()));
    all.addAll(rest);
    return all;
  }

  static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
