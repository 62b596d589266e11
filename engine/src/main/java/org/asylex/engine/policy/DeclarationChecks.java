package org.asylex.engine.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.expr.ExpressionParser;
import org.asylex.engine.expr.TypeChecker;
import org.asylex.engine.text.NearestName;

/**
 * The checks of what a pack declares before its rules: facts (names, types, the country fact, the
 * number of facts), elements (ids, groups, the number of rules), assumptions (ids, values) and
 * definitions (names, conditions, cycles).
 */
final class DeclarationChecks {
  private static final Pattern FACT_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

  private final PackCheck check;
  private final PolicyPack pack;

  DeclarationChecks(PackCheck check) {
    this.check = check;
    this.pack = check.pack;
  }

  void facts() {
    var seen = new HashMap<String, FactDefinition>();
    for (FactDefinition f : pack.facts().facts()) {
      SourcePosition at = f.origin().of("name");
      FactDefinition earlier = seen.putIfAbsent(f.name(), f);
      if (earlier != null) {
        check.out.add(
            Diagnostic.error("duplicate-fact", at, "fact '" + f.name() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      if (!FACT_NAME.matcher(f.name()).matches() || ExpressionParser.isReserved(f.name())) {
        check.out.error(
            "bad-name",
            at,
            "fact name '" + f.name() + "' must be camelCase (e.g. placeOfBirth) and not a keyword");
      }
      if (f.type() == FactType.ENUM && f.values().isEmpty()) {
        check.out.error(
            "enum-without-values", f.origin().of("type"), "an enum fact needs 'values'");
      }
      if (f.type() != FactType.ENUM && !f.values().isEmpty()) {
        check.out.error(
            "values-on-non-enum",
            f.origin().of("values"),
            "only an enum fact takes 'values'; '" + f.name() + "' is " + f.type().id());
      }
    }
    countryFact();
    factLimit();
  }

  /** The pack must declare countryOfOrigin, of type country: it selects the pack for a case. */
  private void countryFact() {
    List<FactDefinition> facts = pack.facts().facts();
    Optional<FactDefinition> country = pack.facts().fact(FactSchema.COUNTRY_FACT);
    if (country.isPresent()) {
      if (country.get().type() != FactType.COUNTRY) {
        check.out.error(
            "country-fact-type",
            country.get().origin().of("type"),
            "fact '"
                + FactSchema.COUNTRY_FACT
                + "' selects the pack for a case and must be of type country, not "
                + country.get().type().id());
      }
      return;
    }
    List<String> names = facts.stream().map(FactDefinition::name).toList();
    Optional<String> meant = NearestName.suggest(FactSchema.COUNTRY_FACT, names);
    SourcePosition at =
        meant
            .flatMap(pack.facts()::fact)
            .or(() -> facts.stream().findFirst())
            .map(f -> f.origin().of("name"))
            .orElse(SourcePosition.ofFile("facts.yaml"));
    check.out.error(
        "missing-country-fact",
        at,
        "the pack declares no fact '"
            + FactSchema.COUNTRY_FACT
            + "' (type country): every case names its country of origin, which selects the pack"
            + meant.map(m -> "; is '" + m + "' misspelt?").orElse(""));
  }

  /** A case's facts are the bits of a long: more than 64 cannot be assessed. */
  private void factLimit() {
    List<FactDefinition> facts = pack.facts().facts();
    if (facts.size() > PackLimits.MAX_FACTS) {
      check.out.error(
          "too-many-facts",
          facts.get(PackLimits.MAX_FACTS).origin().of("name"),
          "the pack declares "
              + facts.size()
              + " facts; at most "
              + PackLimits.MAX_FACTS
              + " are allowed (the engine keeps a case's facts as bits of a 64-bit word)");
    }
  }

  void elements() {
    var seen = new HashMap<String, Element>();
    for (Element e : pack.elements()) {
      Element earlier = seen.putIfAbsent(e.id(), e);
      if (earlier != null) {
        check.out.add(
            Diagnostic.error(
                    "duplicate-element",
                    e.origin().of("id"),
                    "element '" + e.id() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      check.kebab(e.id(), e.origin().of("id"), "element id");
      var groups = new HashSet<String>();
      for (Element.Group g : e.groups()) {
        check.kebab(g.id(), g.origin().at(), "group id");
        if (!groups.add(g.id())) {
          check.out.error(
              "duplicate-group",
              g.origin().at(),
              "group '" + g.id() + "' is declared twice in element '" + e.id() + "'");
        }
      }
      List<Rule> rules = pack.rulesOf(e.id());
      if (rules.isEmpty()) {
        check.out.warning(
            "element-without-rules", e.origin().at(), "element '" + e.id() + "' has no rules");
      }
      if (earlier == null && rules.size() > PackLimits.MAX_CONDITIONS_PER_ELEMENT) {
        check.out.add(
            Diagnostic.error(
                    "too-many-conditions",
                    rules.get(PackLimits.MAX_CONDITIONS_PER_ELEMENT).origin().at(),
                    "element '"
                        + e.id()
                        + "' has "
                        + rules.size()
                        + " rules and exceptions; at most "
                        + PackLimits.MAX_CONDITIONS_PER_ELEMENT
                        + " are allowed, because finding an undetermined element's missing facts"
                        + " tries every true/false combination of its unknown conditions")
                .withRelated(e.origin().at(), "the element"));
      }
    }
  }

  void assumptions() {
    var seen = new HashMap<String, Assumption>();
    for (Assumption a : pack.assumptions()) {
      Assumption earlier = seen.putIfAbsent(a.id(), a);
      if (earlier != null) {
        check.out.add(
            Diagnostic.error(
                    "duplicate-assumption",
                    a.origin().of("id"),
                    "assumption '" + a.id() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      check.kebab(a.id(), a.origin().of("id"), "assumption id");
      choiceValues(a);
      if (AssumptionValues.parse(a, a.defaultValue()).isEmpty()) {
        check.out.error(
            "bad-assumption-value",
            a.origin().of("default"),
            "default of '"
                + a.id()
                + "' must be "
                + AssumptionValues.expected(a)
                + ", not '"
                + a.defaultValue()
                + "'");
      }
      for (Assumption.Alternative alt : a.alternatives()) {
        alt.value()
            .filter(v -> AssumptionValues.parse(a, v).isEmpty())
            .ifPresent(
                v ->
                    check.out.error(
                        "bad-assumption-value",
                        alt.origin().of("value"),
                        "alternative value of '"
                            + a.id()
                            + "' must be "
                            + AssumptionValues.expected(a)
                            + ", not '"
                            + v
                            + "'"));
      }
    }
  }

  /**
   * A choice lists at least two distinct values and its default is the first, so that the pack
   * reads in the order of preference; only a choice lists values.
   */
  private void choiceValues(Assumption a) {
    if (a.type() != Assumption.Type.CHOICE) {
      if (!a.values().isEmpty()) {
        check.out.error(
            "values-without-choice",
            a.origin().of("values"),
            "assumption '"
                + a.id()
                + "' is of type "
                + a.type().id()
                + "; only a choice lists values");
      }
      return;
    }
    if (a.values().size() < 2 || new HashSet<>(a.values()).size() != a.values().size()) {
      check.out.error(
          "bad-choice",
          a.origin().of(a.values().isEmpty() ? "type" : "values"),
          "choice '" + a.id() + "' needs 'values': at least two different values");
      return;
    }
    if (!a.values().get(0).equals(a.defaultValue())) {
      check.out.error(
          "choice-default-not-first",
          a.origin().of("default"),
          "the default of choice '"
              + a.id()
              + "' must be its first value, '"
              + a.values().get(0)
              + "' (list the default reading first)");
    }
  }

  void definitions() {
    var seen = new HashMap<String, Definition>();
    for (Definition d : pack.definitions()) {
      SourcePosition at = d.origin().of("name");
      Definition earlier = seen.putIfAbsent(d.name(), d);
      if (earlier != null) {
        check.out.add(
            Diagnostic.error(
                    "duplicate-definition", at, "definition '" + d.name() + "' is declared twice")
                .withRelated(earlier.origin().at(), "first declared here"));
      }
      if (pack.facts().fact(d.name()).isPresent()) {
        check.out.error(
            "definition-shadows-fact", at, "definition '" + d.name() + "' has the name of a fact");
      }
      if (!FACT_NAME.matcher(d.name()).matches() || ExpressionParser.isReserved(d.name())) {
        check.out.error(
            "bad-name",
            at,
            "definition name '" + d.name() + "' must be camelCase and not a keyword");
      }
      TypeChecker.Result result = check.condition(d.condition());
      check.definitionUses.put(d.name(), result.definitions());
      check.definitionFacts.put(d.name(), result.facts());
    }
    // A definition that (indirectly) uses itself would never finish evaluating.
    for (Definition d : pack.definitions()) {
      if (reaches(d.name(), d.name(), new HashSet<>())) {
        check.out.error(
            "definition-cycle",
            d.origin().of("name"),
            "definition '"
                + d.name()
                + "' refers to itself (directly or through other definitions)");
      }
    }
  }

  private boolean reaches(String from, String target, Set<String> visited) {
    for (String next : check.definitionUses.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (visited.add(next) && reaches(next, target, visited)) {
        return true;
      }
    }
    return false;
  }
}
