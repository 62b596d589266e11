package org.asylex.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.assessment.NextQuestion;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.PolicyPack;

/**
 * The guided interview's form: the answers a form post carries (field {@code fact.NAME}; an empty
 * value is "not assessed yet", never false), and the questions a page asks, with the pack's labels
 * and help texts, in the engine's order. Parsing and drawing only: the answers are checked and
 * assessed by the application's use cases.
 */
public final class Interview {
  static final String PREFIX = "fact.";

  private Interview() {}

  /** One question as the form draws it. */
  public record Question(
      String fact,
      String label,
      String help,
      String type,
      List<String> values,
      String value,
      String error,
      Map<String, String> valueLabels) {
    public Question {
      valueLabels = Map.copyOf(valueLabels);
    }

    public String id() {
      return "fact-" + fact;
    }

    public boolean choice() {
      return type.equals("boolean") || type.equals("enum");
    }

    public List<String> choices() {
      return type.equals("boolean") ? List.of("true", "false") : values;
    }

    /** The pack's words for a value of an enum fact, else the value. */
    public String label(String value) {
      return valueLabels.getOrDefault(value, value);
    }
  }

  /**
   * The answers of a form post, typed by the pack's facts (booleans as booleans), in pack order.
   */
  static Map<String, Object> answers(Context ctx, Optional<PolicyPack> pack) {
    var answers = new LinkedHashMap<String, Object>();
    for (Map.Entry<String, List<String>> p : ctx.formParamMap().entrySet()) {
      if (!p.getKey().startsWith(PREFIX) || p.getValue().isEmpty()) {
        continue;
      }
      String name = p.getKey().substring(PREFIX.length());
      String value = p.getValue().get(0).trim();
      if (value.isEmpty()) {
        continue;
      }
      Optional<FactDefinition> fact = pack.flatMap(pk -> pk.facts().fact(name));
      if (fact.isPresent() && fact.get().type() == FactType.BOOLEAN) {
        if (value.equals("true") || value.equals("false")) {
          answers.put(name, Boolean.valueOf(value));
        } else {
          answers.put(name, value);
        }
      } else {
        answers.put(
            name,
            name.equals(FactSchema.COUNTRY_FACT)
                ? value.toUpperCase(java.util.Locale.ROOT)
                : value);
      }
    }
    return answers;
  }

  /** The country question, asked first: it picks the pack. */
  static Question country(Object value, String error, Texts t) {
    return new Question(
        FactSchema.COUNTRY_FACT,
        t.get("intake.country"),
        t.get("intake.countryHelp"),
        "country",
        List.of(),
        value == null ? "" : value.toString(),
        error,
        Map.of());
  }

  /** The facts answered so far, in the pack's order, as questions to change. */
  static List<Question> answered(
      PolicyPack pack, Map<String, Object> answers, Map<String, String> errors, Lang lang) {
    var questions = new ArrayList<Question>();
    for (FactDefinition f : pack.facts().facts()) {
      if (answers.containsKey(f.name()) || errors.containsKey(f.name())) {
        questions.add(question(f, answers.get(f.name()), errors.get(f.name()), lang));
      }
    }
    return questions;
  }

  /** The engine's next questions, in its order, leaving out those already on the form. */
  static List<Question> next(
      PolicyPack pack, List<NextQuestion> next, Map<String, Object> answers, Lang lang) {
    var questions = new ArrayList<Question>();
    for (NextQuestion q : next) {
      if (!answers.containsKey(q.fact())) {
        pack.facts().fact(q.fact()).ifPresent(f -> questions.add(question(f, null, null, lang)));
      }
    }
    return questions;
  }

  private static Question question(FactDefinition f, Object value, String error, Lang lang) {
    return new Question(
        f.name(),
        Texts.in(f.label(), lang),
        Texts.in(f.question(), lang),
        f.type().id(),
        f.values(),
        value == null ? "" : value.toString(),
        error,
        labels(f, lang));
  }

  private static Map<String, String> labels(FactDefinition f, Lang lang) {
    var labels = new LinkedHashMap<String, String>();
    f.valueLabels().forEach((value, label) -> labels.put(value, Texts.in(label, lang)));
    return labels;
  }

  /** The fact an input error is about, from its JSON pointer ({@code /NAME}). */
  static String factOf(InputError e) {
    return e.fact().orElse(e.pointer().startsWith("/") ? e.pointer().substring(1) : e.pointer());
  }

  /** An input error in the page's language: the bundle's wording of its kind, else the engine's. */
  static String message(InputError e, Texts t, String label) {
    String key = "input." + e.kind().id();
    return t.has(key)
        ? t.get(key, label, e.expected().orElse(""))
        : label + ": " + e.messageWithoutValue();
  }
}
