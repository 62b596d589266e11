package org.asylex.packs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.Condition;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Definition;
import org.asylex.engine.policy.Origin;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Validity;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads rules.yaml: the named definitions and the rules with their versions. */
final class RulesReader {
  static final String FILE_NAME = "rules.yaml";
  static final Mapping FILE = Mapping.of(FILE_NAME, "definitions", "rules");
  static final Mapping DEFINITION = Mapping.of("definition", "name", "when");
  static final Mapping VERSION =
      Mapping.of("rule version", "valid", "when", "outcome", "reason", "rests-on", "sources");

  /**
   * A rule's own keys and, for a rule with a single version, that version's keys ({@code rests-on}
   * on such a rule is the rule's).
   */
  static final Mapping RULE =
      new Mapping(
          "rule",
          Stream.concat(
                  Stream.of("id", "element", "group", "exception-to", "rests-on", "versions"),
                  VERSION.keys().stream())
              .distinct()
              .toList());

  static final Mapping VALIDITY = Mapping.of("validity", "from", "to");

  /** The version keys that a rule with a single version carries itself. */
  private static final List<String> INLINE_VERSION_KEYS =
      VERSION.keys().stream().filter(k -> !k.equals("rests-on")).toList();

  /** What rules.yaml holds. */
  record Rules(List<Definition> definitions, List<Rule> rules) {}

  private final LoadContext context;
  private final QuoteReader quotes;
  private final ConditionReader conditions;
  private final Diagnostics out;
  private final Values values;
  private final ReasonReader reasons;

  RulesReader(LoadContext context, QuoteReader quotes) {
    this.context = context;
    this.quotes = quotes;
    this.out = context.out();
    this.conditions = new ConditionReader(out);
    this.values = new Values(out);
    this.reasons = new ReasonReader(out);
  }

  Rules read() {
    var definitions = new ArrayList<Definition>();
    var rules = new ArrayList<Rule>();
    Optional<LoadContext.PackFile> file = context.read(FILE_NAME, FILE);
    if (file.isPresent()) {
      YamlFile yaml = file.get().yaml();
      for (Node n : file.get().fields().list("definitions", false)) {
        DEFINITION
            .read(yaml.name(), n, out)
            .flatMap(f -> definition(yaml, f))
            .ifPresent(definitions::add);
      }
      for (Node n : file.get().fields().list("rules", true)) {
        RULE.read(yaml.name(), n, out).flatMap(f -> rule(yaml, f)).ifPresent(rules::add);
      }
    }
    return new Rules(definitions, rules);
  }

  private Optional<Definition> definition(YamlFile yaml, Fields f) {
    Optional<String> name = f.text("name");
    Optional<Condition> when = conditions.read(yaml, f, "when");
    if (name.isEmpty() || when.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Definition(name.get(), when.get(), f.origin()));
  }

  private Optional<Rule> rule(YamlFile yaml, Fields f) {
    Optional<String> id = f.text("id");
    Optional<String> element = f.text("element");
    List<Rule.Version> versions = versions(yaml, f);
    if (versions.isEmpty()) {
      // every way to end up without versions has reported its error
      context.emptiedByErrors(f.at());
    }
    if (id.isEmpty() || element.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Rule(
            id.get(),
            element.get(),
            f.optionalText("group"),
            f.texts("exception-to"),
            f.texts("rests-on"),
            versions,
            f.origin()));
  }

  /** The versions under {@code versions}, or the one version written on the rule itself. */
  private List<Rule.Version> versions(YamlFile yaml, Fields rule) {
    var result = new ArrayList<Rule.Version>();
    boolean inline = VERSION.keys().stream().filter(k -> !k.equals("rests-on")).anyMatch(rule::has);
    if (rule.has("versions") && inline) {
      out.error(
          "mixed-versions",
          rule.at("versions"),
          "rule: give either 'versions' or one version's keys ("
              + String.join(", ", INLINE_VERSION_KEYS)
              + ") directly, not both");
    } else if (rule.has("versions")) {
      List<Node> items = rule.list("versions", true);
      if (items.isEmpty()) {
        out.error("rule-without-versions", rule.at("versions"), "rule: 'versions' is empty");
      }
      for (Node v : items) {
        VERSION
            .read(yaml.name(), v, out)
            .flatMap(vf -> version(yaml, vf, vf.texts("rests-on")))
            .ifPresent(result::add);
      }
    } else {
      version(yaml, rule, List.of()).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Rule.Version> version(YamlFile yaml, Fields f, List<String> restsOn) {
    Optional<Validity> validity =
        f.has("valid") ? validity(yaml.name(), f) : Optional.of(Validity.always(Origin.of(f.at())));
    Optional<Condition> when = conditions.read(yaml, f, "when");
    Optional<Outcome> outcome = f.text("outcome").flatMap(o -> values.outcome(o, f.at("outcome")));
    Optional<ReasonReader.Read> reason = reasons.read(yaml, f, "reason");
    List<SourceQuote> sources = quotes.quotes(yaml.name(), f, "sources", true);
    if (validity.isEmpty() || when.isEmpty() || outcome.isEmpty() || reason.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Rule.Version(
            validity.get(),
            when.get(),
            outcome.get(),
            reason.get().plain(),
            reason.get().variants(),
            restsOn,
            sources,
            f.origin()));
  }

  private Optional<Validity> validity(String file, Fields version) {
    return VALIDITY.read(file, version.node("valid").get(), out).flatMap(this::validity);
  }

  private Optional<Validity> validity(Fields f) {
    Optional<Optional<DateRef>> from = dateRef(f, "from");
    Optional<Optional<DateRef>> to = dateRef(f, "to");
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Validity(from.get(), to.get(), f.origin()));
  }

  /** Empty when invalid (reported); a present empty value when the end is open. */
  private Optional<Optional<DateRef>> dateRef(Fields f, String key) {
    Optional<String> text = f.optionalText(key);
    if (text.isEmpty()) {
      return f.has(key) ? Optional.empty() : Optional.of(Optional.empty());
    }
    String t = text.get();
    if (t.startsWith("@")) {
      return Optional.of(Optional.of(new DateRef.FromAssumption(t.substring(1))));
    }
    return values.date(t, f.at(key)).map(d -> Optional.of(new DateRef.Fixed(d)));
  }
}
