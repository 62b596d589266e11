package org.asylex.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.app.Refusal;
import org.asylex.app.Refused;
import org.asylex.app.policy.Assessing;
import org.asylex.app.users.Role;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.store.CaseRecord;
import org.asylex.web.Interview.Question;
import org.asylex.web.SignInPages.FieldError;

/**
 * Case intake and change as a guided interview: the pack's questions that still matter, in the
 * engine's next-question order, with the assessment of the answers so far beside the form (redrawn
 * by htmx as answers change; without JavaScript, by the "next" button). Creating and changing the
 * case are the use cases of {@code POST} and {@code PATCH /api/v1/cases}.
 */
public final class IntakePages {
  private static final EnumSet<Role> OFFICER = EnumSet.of(Role.OFFICER);
  private final Site site;
  private final CasePages cases;

  IntakePages(Site site, CasePages cases) {
    this.site = site;
    this.cases = cases;
  }

  /** The interview's page: the questions, the errors, and the live assessment. */
  public record IntakePage(
      Frame frame,
      String action,
      String caseId,
      long version,
      String reference,
      String note,
      List<Question> questions,
      List<FieldError> errors,
      Live live,
      boolean conflict,
      boolean hypothetical) {
    public boolean editing() {
      return !caseId.isEmpty();
    }
  }

  /** The assessment beside the form. */
  public record Live(Frame frame, String packId, List<Report.Element> findings, boolean ready) {}

  void mount(JavalinConfig javalin) {
    site.get(javalin, "/cases/new", OFFICER, (ctx, v) -> render(ctx, v, Map.of(), Form.blank()));
    site.post(javalin, "/cases/new", OFFICER, this::postNew);
    var askers = EnumSet.of(Role.OFFICER, Role.POLICY_ANALYST);
    site.post(javalin, "/interview/live", askers, this::live);
    // Policy staff: the same interview, assessed and never stored (POST /api/v1/assessments).
    var analyst = EnumSet.of(Role.POLICY_ANALYST);
    site.get(
        javalin, "/policy/what-if", analyst, (ctx, v) -> render(ctx, v, Map.of(), Form.whatIf()));
    site.post(
        javalin,
        "/policy/what-if",
        analyst,
        (ctx, v) -> {
          Map<String, Object> answers =
              Interview.answers(ctx, cases.packFor(Interview.answers(ctx, Optional.empty())));
          render(ctx, v, answers, Form.whatIf());
        });
    site.get(javalin, "/cases/{id}/edit", OFFICER, this::editForm);
    site.post(javalin, "/cases/{id}/edit", OFFICER, this::postEdit);
  }

  /** What the form carries besides the answers. */
  private record Form(
      String caseId,
      long version,
      String reference,
      String note,
      boolean conflict,
      boolean hypothetical) {
    Form(String caseId, long version, String reference, String note, boolean conflict) {
      this(caseId, version, reference, note, conflict, false);
    }

    static Form blank() {
      return new Form("", 0, "", "", false);
    }

    static Form whatIf() {
      return new Form("", 0, "", "", false, true);
    }

    static Form of(Context ctx, String caseId) {
      return new Form(
          caseId,
          Forms.whole(ctx.formParam("version"), 0, 0, Long.MAX_VALUE),
          trim(ctx.formParam("reference")),
          trim(ctx.formParam("note")),
          false);
    }
  }

  /** The answers assessed, or the input errors by fact. */
  private record Outcome(
      Optional<PolicyPack> pack,
      Optional<Assessing.Assessed> assessed,
      Map<String, String> errors) {}

  private Outcome assess(Map<String, Object> answers, Texts t) {
    Optional<PolicyPack> pack = cases.packFor(answers);
    if (pack.isEmpty()) {
      var errors = new LinkedHashMap<String, String>();
      if (answers.containsKey(FactSchema.COUNTRY_FACT)) {
        errors.put(FactSchema.COUNTRY_FACT, t.get("intake.noPack"));
      }
      return new Outcome(pack, Optional.empty(), errors);
    }
    try {
      return new Outcome(
          pack,
          Optional.of(
              site.app.assessing().assess(answers, site.app.today().date(), Map.of(), false, "")),
          Map.of());
    } catch (Refused e) {
      if (!(e.refusal() instanceof Refusal.InvalidFacts invalid)) {
        throw e;
      }
      var errors = new LinkedHashMap<String, String>();
      for (InputError error : invalid.errors()) {
        String fact = Interview.factOf(error);
        String label =
            pack.get().facts().fact(fact).map(f -> Texts.in(f.label(), t.lang())).orElse(fact);
        errors.putIfAbsent(fact, Interview.message(error, t, label));
      }
      return new Outcome(pack, Optional.empty(), errors);
    }
  }

  private void render(Context ctx, Site.Visit v, Map<String, Object> answers, Form form) {
    Outcome outcome = assess(answers, v.t());
    render(ctx, v, answers, form, outcome);
  }

  private void render(
      Context ctx, Site.Visit v, Map<String, Object> answers, Form form, Outcome outcome) {
    Lang lang = v.frame().lang();
    var questions = new ArrayList<Question>();
    if (outcome.pack().isEmpty()) {
      questions.add(
          Interview.country(
              answers.get(FactSchema.COUNTRY_FACT),
              outcome.errors().get(FactSchema.COUNTRY_FACT),
              v.t()));
    } else {
      PolicyPack pack = outcome.pack().get();
      questions.addAll(Interview.answered(pack, answers, outcome.errors(), lang));
      outcome
          .assessed()
          .ifPresent(
              a ->
                  questions.addAll(
                      Interview.next(pack, a.assessment().nextQuestions(), answers, lang)));
    }
    var errors = new ArrayList<FieldError>();
    outcome
        .errors()
        .forEach((fact, message) -> errors.add(new FieldError("fact-" + fact, message)));
    if (!errors.isEmpty()) {
      ctx.status(422);
    }
    String action =
        form.hypothetical()
            ? "/policy/what-if"
            : form.caseId().isEmpty()
                ? "/cases/new"
                : "/cases/" + CasePages.encode(form.caseId()) + "/edit";
    site.pages.render(
        ctx,
        "intake.jte",
        new IntakePage(
            v.frame(),
            action,
            form.caseId(),
            form.version(),
            form.reference(),
            form.note(),
            questions,
            errors,
            live(v, outcome),
            form.conflict(),
            form.hypothetical()));
  }

  private Live live(Site.Visit v, Outcome outcome) {
    return new Live(
        v.frame(),
        outcome.pack().map(PolicyPack::id).orElse(""),
        outcome.assessed().map(a -> Report.of(a, v.frame().lang())).orElse(List.of()),
        outcome.assessed().isPresent());
  }

  private void live(Context ctx, Site.Visit v) {
    Map<String, Object> answers =
        Interview.answers(ctx, cases.packFor(Interview.answers(ctx, Optional.empty())));
    site.pages.render(ctx, "live.jte", live(v, assess(answers, v.t())));
  }

  private void postNew(Context ctx, Site.Visit v) {
    Map<String, Object> answers =
        Interview.answers(ctx, cases.packFor(Interview.answers(ctx, Optional.empty())));
    Form form = Form.of(ctx, "");
    Outcome outcome = assess(answers, v.t());
    if (!"save".equals(ctx.formParam("step")) || outcome.assessed().isEmpty()) {
      render(ctx, v, answers, form, outcome);
      return;
    }
    CaseRecord c =
        site.app
            .cases()
            .create(
                null, form.reference().isEmpty() ? null : form.reference(), answers, "", v.actor());
    ctx.redirect("/cases/" + CasePages.encode(c.id()), HttpStatus.SEE_OTHER);
  }

  private void editForm(Context ctx, Site.Visit v) {
    CaseRecord c = site.app.cases().find(ctx.pathParam("id"), v.actor());
    render(
        ctx,
        v,
        new LinkedHashMap<>(c.facts()),
        new Form(c.id(), c.version(), c.reference().orElse(""), "", false));
  }

  private void postEdit(Context ctx, Site.Visit v) {
    String id = ctx.pathParam("id");
    Map<String, Object> answers =
        Interview.answers(ctx, cases.packFor(Interview.answers(ctx, Optional.empty())));
    Form form = Form.of(ctx, id);
    Outcome outcome = assess(answers, v.t());
    if (!"save".equals(ctx.formParam("step")) || outcome.assessed().isEmpty()) {
      render(ctx, v, answers, form, outcome);
      return;
    }
    CaseRecord before = site.app.cases().find(id, v.actor());
    var changes = new LinkedHashMap<String, Object>(answers);
    before.facts().keySet().stream()
        .filter(name -> !answers.containsKey(name))
        .forEach(name -> changes.put(name, null));
    try {
      site.app
          .cases()
          .change(
              id,
              Optional.of(form.version()),
              changes,
              form.note().isEmpty() ? null : form.note(),
              "",
              v.actor());
    } catch (Refused e) {
      if (!(e.refusal() instanceof Refusal.StaleVersion)) {
        throw e;
      }
      // Someone changed the case meanwhile: keep this officer's answers on the form, say so.
      // Saving again is then a deliberate choice, made over the version the officer was shown.
      long current = site.app.cases().find(id, v.actor()).version();
      ctx.status(409);
      render(ctx, v, answers, new Form(id, current, form.reference(), form.note(), true), outcome);
      return;
    }
    ctx.redirect("/cases/" + CasePages.encode(id), HttpStatus.SEE_OTHER);
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
