package org.asylex.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.expr.ExpressionParser;
import org.asylex.engine.source.TextSpan;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.time.PartialDate;

/**
 * Builds small packs in Java for the tests of the policy package, with positions that follow a
 * fixed layout so that tests can say exactly where a problem must be reported.
 *
 * <ul>
 *   <li>A rule at line L of rules.yaml: the rule at (L, 3); its fields id at (L, 5), element at (L
 *       + 1, 5), group at (L + 2, 5), exception-to at (L + 3, 5), rests-on at (L + 4, 5).
 *   <li>A version at line V: the version at (V, 7); its validity at (V + 1, 9) with from at (V + 1,
 *       16) and to at (V + 1, 40); its condition at line V + 2 where offset o is column 5 + o; its
 *       sources at (V + 3, 9).
 *   <li>An element at line E of elements.yaml: at (E, 3), id at (E, 5); its groups at (E + 1, 9),
 *       (E + 2, 9), ...
 *   <li>An assumption at line A of assumptions.yaml: at (A, 3), id at (A, 5), default at (A + 1,
 *       5).
 *   <li>A definition at line D of rules.yaml: at (D, 3), name at (D, 5), condition at line D + 1
 *       where offset o is column 5 + o.
 *   <li>A fact at line F of facts.yaml: at (F, 3), name at (F, 5), type at (F + 1, 5), values at (F
 *       + 2, 5).
 * </ul>
 */
public final class TestPacks {
  public static final String RULES = "rules.yaml";
  public static final String ELEMENTS = "elements.yaml";
  public static final String ASSUMPTIONS = "assumptions.yaml";
  public static final String FACTS = "facts.yaml";

  private TestPacks() {}

  public static SourcePosition pos(String file, int line, int column) {
    return new SourcePosition(file, line, column);
  }

  public static LocalizedText text(String en) {
    return new LocalizedText("nl: " + en, en);
  }

  /**
   * A quote of document "letter". Different words get different places in it (the engine tells
   * quotes apart by place); the same words, the same place.
   */
  public static SourceQuote quote(String words) {
    int line = 1 + Math.floorMod(words.hashCode(), 10_000);
    int start = 100 * line;
    return new SourceQuote(
        "letter",
        words,
        new TextSpan(start, start + words.length(), line, 1, line, words.length()),
        pos(RULES, 1, 1));
  }

  public static Condition condition(String text, int line) {
    return new Condition(
        text, ExpressionParser.parse(text), offset -> pos(RULES, line, 5 + offset));
  }

  public static FactDefinition fact(String name, FactType type, int line, String... values) {
    return new FactDefinition(
        name,
        type,
        List.of(values),
        text(name),
        text(name + "?"),
        new Origin(
            pos(FACTS, line, 3),
            Map.of(
                "name", pos(FACTS, line, 5),
                "type", pos(FACTS, line + 1, 5),
                "values", pos(FACTS, line + 2, 5))));
  }

  public static Element element(String id, int line, String... groups) {
    return element(id, line, List.of(), groups);
  }

  public static Element element(
      String id, int line, List<Element.Milestone> milestones, String... groups) {
    var groupList = new ArrayList<Element.Group>();
    for (int i = 0; i < groups.length; i++) {
      groupList.add(
          new Element.Group(groups[i], text(groups[i]), Origin.of(pos(ELEMENTS, line + 1 + i, 9))));
    }
    Origin origin = new Origin(pos(ELEMENTS, line, 3), Map.of("id", pos(ELEMENTS, line, 5)));
    return new Element(
        id,
        Slot.RISK_GROUPS,
        "E4",
        text(id),
        text("applies"),
        groupList,
        new Element.DefaultOutcome(Outcome.DOES_NOT_APPLY, text("otherwise"), origin),
        new Element.DefaultOutcome(Outcome.DOES_NOT_APPLY, text("not in force"), origin),
        List.of(),
        milestones,
        origin);
  }

  /**
   * An element in {@code slot} with its own default outcomes; their reasons read "{id}: otherwise"
   * and "{id}: not in force".
   */
  public static Element element(
      String id, Slot slot, Outcome otherwise, Outcome notInForce, int line, String... groups) {
    Element plain = element(id, line, groups);
    return new Element(
        id,
        slot,
        plain.letterRef(),
        plain.title(),
        plain.appliesMeans(),
        plain.groups(),
        new Element.DefaultOutcome(otherwise, text(id + ": otherwise"), plain.origin()),
        new Element.DefaultOutcome(notInForce, text(id + ": not in force"), plain.origin()),
        List.of(),
        List.of(),
        plain.origin());
  }

  public static Element.Milestone milestone(String date, String what) {
    return new Element.Milestone(
        PartialDate.parse(date).orElseThrow(),
        text(what),
        List.of(quote(what)),
        Origin.of(pos(ELEMENTS, 90, 9)));
  }

  public static Assumption assumption(
      String id, Assumption.Type type, String defaultValue, int line) {
    return new Assumption(
        id,
        Assumption.Kind.ASSUMPTION,
        type,
        defaultValue,
        text("assume " + id),
        List.of(),
        List.of(quote(id)),
        new Origin(
            pos(ASSUMPTIONS, line, 3),
            Map.of("id", pos(ASSUMPTIONS, line, 5), "default", pos(ASSUMPTIONS, line + 1, 5))));
  }

  /** A choice assumption whose default is its first value. */
  public static Assumption choice(String id, int line, String... values) {
    Assumption a = assumption(id, Assumption.Type.CHOICE, values[0], line);
    return new Assumption(
        a.id(),
        a.kind(),
        a.type(),
        a.defaultValue(),
        List.of(values),
        a.statement(),
        a.alternatives(),
        a.sources(),
        a.origin());
  }

  public static Definition definition(String name, String when, int line) {
    return new Definition(
        name,
        condition(when, line + 1),
        new Origin(pos(RULES, line, 3), Map.of("name", pos(RULES, line, 5))));
  }

  /** A date, or {@code @id} for an assumption, or null for an open end. */
  public static Optional<DateRef> dateRef(String boundary) {
    if (boundary == null) {
      return Optional.empty();
    }
    if (boundary.startsWith("@")) {
      return Optional.of(new DateRef.FromAssumption(boundary.substring(1)));
    }
    return Optional.of(new DateRef.Fixed(LocalDate.parse(boundary)));
  }

  public static Validity validity(String from, String to, int line) {
    var fields = new LinkedHashMap<String, SourcePosition>();
    if (from != null) {
      fields.put("from", pos(RULES, line, 16));
    }
    if (to != null) {
      fields.put("to", pos(RULES, line, 40));
    }
    return new Validity(dateRef(from), dateRef(to), new Origin(pos(RULES, line, 9), fields));
  }

  public static Rule.Version version(String from, String to, String when, int line) {
    return version(from, to, when, line, List.of(quote("the letter says so")));
  }

  public static Rule.Version version(
      String from, String to, String when, int line, List<SourceQuote> sources) {
    return new Rule.Version(
        validity(from, to, line + 1),
        condition(when, line + 2),
        Outcome.APPLIES,
        text("because"),
        sources,
        new Origin(pos(RULES, line, 7), Map.of("sources", pos(RULES, line + 3, 9))));
  }

  public static RuleBuilder rule(String id, String element, int line) {
    return new RuleBuilder(id, element, line);
  }

  /** A rule, with its optional parts given one by one. */
  public static final class RuleBuilder {
    private final String id;
    private final String element;
    private final int line;
    private Optional<String> group = Optional.empty();
    private List<String> exceptionTo = List.of();
    private List<String> restsOn = List.of();
    private final List<Rule.Version> versions = new ArrayList<>();

    private RuleBuilder(String id, String element, int line) {
      this.id = id;
      this.element = element;
      this.line = line;
    }

    public RuleBuilder group(String g) {
      this.group = Optional.of(g);
      return this;
    }

    public RuleBuilder exceptionTo(String... ids) {
      this.exceptionTo = List.of(ids);
      return this;
    }

    public RuleBuilder restsOn(String... ids) {
      this.restsOn = List.of(ids);
      return this;
    }

    /** A version at the line after the rule's fields. */
    public RuleBuilder valid(String from, String to, String when) {
      return version(TestPacks.version(from, to, when, line + 5 + 4 * versions.size()));
    }

    /**
     * A version with its own outcome, whose reason reads "{id} v{n}" and which cites the quote
     * "{id} v{n}", so that a finding shows which version decided.
     */
    public RuleBuilder valid(String from, String to, String when, Outcome outcome) {
      String name = id + " v" + (versions.size() + 1);
      Rule.Version plain = TestPacks.version(from, to, when, line + 5 + 4 * versions.size());
      return version(
          new Rule.Version(
              plain.validity(),
              plain.when(),
              outcome,
              text(name),
              List.of(quote(name)),
              plain.origin()));
    }

    public RuleBuilder version(Rule.Version v) {
      versions.add(v);
      return this;
    }

    public Rule build() {
      return new Rule(
          id,
          element,
          group,
          exceptionTo,
          restsOn,
          versions,
          new Origin(
              pos(RULES, line, 3),
              Map.of(
                  "id", pos(RULES, line, 5),
                  "element", pos(RULES, line + 1, 5),
                  "group", pos(RULES, line + 2, 5),
                  "exception-to", pos(RULES, line + 3, 5),
                  "rests-on", pos(RULES, line + 4, 5))));
    }
  }

  public static PackBuilder pack() {
    return new PackBuilder();
  }

  /** A pack, item by item. */
  public static final class PackBuilder {
    private final List<FactDefinition> facts = new ArrayList<>();
    private final List<Element> elements = new ArrayList<>();
    private final List<Assumption> assumptions = new ArrayList<>();
    private final List<Definition> definitions = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private String country = "XX";
    private boolean countryFact = true;

    /** The country the pack is for (and its id); XX unless set. */
    public PackBuilder country(String code) {
      this.country = code;
      return this;
    }

    /**
     * Leaves out the {@code countryOfOrigin} fact (type country, at line 900 of facts.yaml) that
     * {@link #build} adds after the others unless the pack declares it: every pack must.
     */
    public PackBuilder withoutCountryFact() {
      this.countryFact = false;
      return this;
    }

    public PackBuilder fact(FactDefinition f) {
      facts.add(f);
      return this;
    }

    public PackBuilder element(Element e) {
      elements.add(e);
      return this;
    }

    public PackBuilder assumption(Assumption a) {
      assumptions.add(a);
      return this;
    }

    public PackBuilder definition(Definition d) {
      definitions.add(d);
      return this;
    }

    public PackBuilder rule(RuleBuilder r) {
      rules.add(r.build());
      return this;
    }

    public PolicyPack build() {
      var facts = new ArrayList<>(this.facts);
      if (countryFact && facts.stream().noneMatch(f -> f.name().equals(FactSchema.COUNTRY_FACT))) {
        facts.add(TestPacks.fact(FactSchema.COUNTRY_FACT, FactType.COUNTRY, 900));
      }
      return new PolicyPack(
          country,
          country,
          "2023-06-08",
          text("test pack"),
          text("a pack built by a test"),
          List.of(),
          new FactSchema(facts),
          elements,
          assumptions,
          definitions,
          rules,
          "0000");
    }
  }
}
