package org.asylex.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.Difference;
import org.asylex.json.RerunReason;

/**
 * The differences of a re-run ({@link Difference}) and its reasons ({@link RerunReason}) in the
 * visitor's language, from the message bundles ({@code repro.*}): the data's keys, ids, codes and
 * values go in, the bundle gives every word. Nothing English is parsed; an id or JSON key the
 * bundle has no words for is shown as it is (it is data, not a sentence).
 */
public final class DiffWords {
  /** One line, with the lines under it (an element's changes and its why). */
  public record Said(String text, List<String> under) {}

  private final Texts t;
  private final Optional<PolicyPack> pack;

  DiffWords(Texts t, Optional<PolicyPack> pack) {
    this.t = t;
    this.pack = pack;
  }

  List<Said> differences(List<Difference> differences) {
    var said = new ArrayList<Said>();
    for (Difference d : differences) {
      if (d instanceof Difference.ElementChanged e) {
        var under = new ArrayList<String>();
        e.changes().forEach(c -> under.addAll(lines(c)));
        under.add(t.get("repro.why", why(e.why())));
        said.add(new Said(t.get("repro.element", e.element()), under));
      } else {
        lines(d).forEach(l -> said.add(new Said(l, List.of())));
      }
    }
    return said;
  }

  List<Said> reasons(List<RerunReason> reasons) {
    return reasons.stream().map(r -> new Said(reason(r), List.of())).toList();
  }

  private List<String> lines(Difference d) {
    if (d instanceof Difference.ListChanged l) {
      String subject = subject(l.subject());
      var lines = new ArrayList<String>();
      if (l.together()) {
        if (!l.removed().isEmpty()) {
          lines.add(t.get("repro.removedItems", subject, items(l.removed())));
        }
        if (!l.added().isEmpty()) {
          lines.add(t.get("repro.addedItems", subject, items(l.added())));
        }
      } else {
        l.removed().forEach(i -> lines.add(t.get("repro.removedItems", subject, item(i))));
        l.added().forEach(i -> lines.add(t.get("repro.addedItems", subject, item(i))));
      }
      return lines;
    }
    return List.of(line(d));
  }

  private String line(Difference d) {
    if (d instanceof Difference.Changed c) {
      return t.get(
          "repro.changed",
          subject(c.subject()),
          value(c.subject(), c.before()),
          value(c.subject(), c.after()));
    } else if (d instanceof Difference.TextChanged x) {
      return t.get(
          "repro.textChanged",
          subject(x.subject()),
          word("repro.lang." + x.language(), x.language()),
          quoted(x.before()),
          quoted(x.after()));
    } else if (d instanceof Difference.Reordered r) {
      return t.get("repro.reordered", subject(r.subject()), items(r.before()), items(r.after()));
    } else if (d instanceof Difference.ElementsReordered r) {
      return t.get(
          "repro.elementsReordered", String.join(", ", r.before()), String.join(", ", r.after()));
    } else if (d instanceof Difference.Removed r) {
      return t.get("repro.removed." + part(r.part()), r.id(), partValue(r.part(), r.was()));
    } else if (d instanceof Difference.Added a) {
      return t.get("repro.added." + part(a.part()), a.id(), partValue(a.part(), a.now()));
    } else if (d instanceof Difference.FactReadDifferently f) {
      return t.get("repro.factReadDifferently", f.fact());
    } else if (d instanceof Difference.QuestionRemoved q) {
      return t.get("repro.questionRemoved", q.fact());
    } else if (d instanceof Difference.QuestionAdded q) {
      return t.get("repro.questionAdded", q.fact(), String.join(", ", q.elements()));
    }
    throw new IllegalArgumentException("not a single-line difference: " + d);
  }

  /** The subject's name: its scope's sentence with the field's words and the id. */
  String subject(Difference.Subject s) {
    return switch (s.scope()) {
      case ASSESSMENT -> word("repro.field." + s.field(), s.field());
      case PACK -> word("repro.pack." + s.field(), s.field());
      case ASSUMPTION ->
          t.get("repro.assumption", s.name(), word("repro.assumption." + s.field(), s.field()));
      case FINDING ->
          s.name() == null
              ? word("repro.finding." + s.field(), s.field())
              : t.has("repro.finding." + s.field() + ".named")
                  ? t.get("repro.finding." + s.field() + ".named", s.name())
                  : s.field() + " " + s.name();
      case QUESTION ->
          t.get("repro.question", s.name(), word("repro.question." + s.field(), s.field()));
    };
  }

  private String value(Difference.Subject s, String v) {
    if (v == null) {
      return t.get("repro.none");
    }
    boolean outcome =
        s.scope() == Difference.Scope.FINDING && s.field().equals("outcome") && s.name() == null;
    return outcome ? outcome(v) : v;
  }

  private String partValue(Difference.Part part, String v) {
    if (v == null) {
      return t.get("repro.none");
    }
    return part == Difference.Part.ELEMENT ? outcome(v) : v;
  }

  private String outcome(String code) {
    return word("outcome." + code, code);
  }

  private static String part(Difference.Part part) {
    return part == Difference.Part.ASSUMPTION ? "assumption" : "element";
  }

  private String quoted(String text) {
    return text == null ? t.get("repro.none") : t.get("repro.quoted", text);
  }

  private String items(List<Difference.Item> items) {
    return String.join(", ", items.stream().map(this::item).toList());
  }

  String item(Difference.Item item) {
    if (item instanceof Difference.Plain p) {
      return p.value();
    } else if (item instanceof Difference.RuleInForce r) {
      return t.get(
          "repro.ruleInForce",
          r.rule(),
          r.version(),
          r.versions(),
          r.validFrom() == null ? "…" : r.validFrom(),
          r.validTo() == null ? "…" : r.validTo());
    } else if (item instanceof Difference.Source s) {
      return t.get("repro.source", s.quote(), s.document(), s.line());
    }
    throw new IllegalArgumentException("unknown item " + item);
  }

  String why(Difference.Why why) {
    if (why.kind() == Difference.WhyKind.ONLY_FIELDS_DIFFER) {
      String fields =
          String.join(", ", why.fields().stream().map(f -> word("repro.finding." + f, f)).toList());
      return t.get(
          "repro.why.ONLY_FIELDS_DIFFER" + (why.packChanged() ? ".pack" : ""),
          fields,
          why.fields().size());
    }
    return t.get("repro.why." + why.kind().name());
  }

  String reason(RerunReason reason) {
    if (reason instanceof RerunReason.PackChanged p) {
      return p.versionBefore().equals(p.versionAfter())
          ? t.get(
              "repro.reason.PackChanged.sameLabel",
              p.versionBefore(),
              shortHash(p.hashBefore()),
              shortHash(p.hashAfter()))
          : t.get(
              "repro.reason.PackChanged",
              p.versionBefore(),
              p.versionAfter(),
              shortHash(p.hashBefore()),
              shortHash(p.hashAfter()));
    } else if (reason instanceof RerunReason.NewAssumption n) {
      return t.get("repro.reason.NewAssumption", n.id());
    } else if (reason instanceof RerunReason.FindingsSame) {
      return t.get("repro.reason.FindingsSame");
    } else if (reason instanceof RerunReason.PackUnchanged u) {
      return u.engineChanged()
          ? t.get("repro.reason.PackUnchanged.engineChanged", u.engineBefore(), u.engineAfter())
          : t.get("repro.reason.PackUnchanged", u.engineAfter());
    } else if (reason instanceof RerunReason.EngineChanged e) {
      return t.get("repro.reason.EngineChanged", e.before(), e.after());
    } else if (reason instanceof RerunReason.AssumptionGone g) {
      return t.get("repro.reason.AssumptionGone", g.id(), g.storedValue());
    } else if (reason instanceof RerunReason.AssumptionValueUnusable u) {
      return t.get(
          "repro.reason.AssumptionValueUnusable",
          u.id(),
          expected(u.id()),
          u.storedValue(),
          u.used());
    } else if (reason instanceof RerunReason.DefaultChanged c) {
      return t.get("repro.reason.DefaultChanged", c.id(), c.newDefault(), c.storedValue());
    } else if (reason instanceof RerunReason.PackFactsChanged) {
      return t.get("repro.reason.PackFactsChanged");
    }
    throw new IllegalArgumentException("unknown reason " + reason);
  }

  /**
   * What an assumption now takes, from its type in the pack (the reason's own words are English).
   */
  private String expected(String id) {
    return pack.flatMap(p -> p.assumption(id))
        .map(Assumption::type)
        .map(type -> t.get("repro.type." + type.id()))
        .orElse(t.get("repro.type.unknown"));
  }

  private String word(String key, String fallback) {
    return t.has(key) ? t.get(key) : fallback;
  }

  private static String shortHash(String hash) {
    return org.asylex.json.DiffText.shortHash(hash);
  }
}
