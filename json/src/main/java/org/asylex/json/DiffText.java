package org.asylex.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of {@link Difference}s and {@link RerunReason}s, for the command line and the HTTP API
 * alike: one line per difference, an element's lines indented under it.
 */
public final class DiffText {
  /** How keys of the JSON form read in a difference. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("contentHash", "content"),
          Map.entry("appliesMeans", "applies means"),
          Map.entry("missingFacts", "missing facts"),
          Map.entry("imprecise", "imprecise facts"),
          Map.entry("decidingRules", "deciding rules"),
          Map.entry("assumptions", "rests on assumptions"),
          Map.entry("groupLabels", "group label"),
          Map.entry("assumptionValues", "assumption value"),
          Map.entry("asOf", "as of"));

  /** Labels of a finding's fields that read otherwise in a finding's difference. */
  private static final Map<String, String> FINDING_LABELS =
      Map.of("rule", "deciding rule", "rulesInForce", "rules in force", "factsUsed", "facts used");

  private DiffText() {}

  /** A JSON key as it reads in English. */
  public static String label(String key) {
    return LABELS.getOrDefault(key, key);
  }

  /** The English name of a subject: {@code as of}, {@code pack version}, {@code outcome}, ... */
  public static String subject(Difference.Subject s) {
    return switch (s.scope()) {
      case ASSESSMENT -> label(s.field());
      case PACK -> s.field().equals("title") ? "pack title" : "pack " + label(s.field());
      case ASSUMPTION -> "assumption " + s.name() + " " + label(s.field());
      case FINDING ->
          FINDING_LABELS.getOrDefault(s.field(), label(s.field()))
              + (s.name() == null ? "" : " " + s.name());
      case QUESTION -> "next question " + s.name() + " " + s.field();
    };
  }

  /** An outcome code as the command line shows it: {@code does_not_apply} is DOES NOT APPLY. */
  public static String outcome(String code) {
    return code.toUpperCase(Locale.ROOT).replace('_', ' ');
  }

  /** An item of a list in English. */
  public static String item(Difference.Item item) {
    if (item instanceof Difference.Plain p) {
      return p.value();
    } else if (item instanceof Difference.RuleInForce r) {
      return r.rule()
          + " version "
          + r.version()
          + " of "
          + r.versions()
          + ", valid ["
          + (r.validFrom() == null ? "…" : r.validFrom())
          + ", "
          + (r.validTo() == null ? "…" : r.validTo())
          + ")";
    } else if (item instanceof Difference.Source s) {
      return "“" + s.quote() + "” — " + s.document() + ", line " + s.line();
    }
    throw new IllegalArgumentException("unknown item " + item);
  }

  private static List<String> items(List<Difference.Item> items) {
    return items.stream().map(DiffText::item).toList();
  }

  private static String value(Difference.Changed c, String v) {
    if (v == null) {
      return isFinding(c.subject(), "rule") ? "none" : "(none)";
    }
    return isFinding(c.subject(), "outcome") ? outcome(v) : v;
  }

  private static boolean isFinding(Difference.Subject s, String field) {
    return s.scope() == Difference.Scope.FINDING && s.field().equals(field) && s.name() == null;
  }

  /** Every difference as lines of text, in order. */
  public static List<String> lines(List<Difference> differences) {
    var lines = new ArrayList<String>();
    for (Difference d : differences) {
      if (d instanceof Difference.ElementChanged e) {
        lines.add("element " + e.element() + ":");
        for (Difference change : e.changes()) {
          lines(change).forEach(l -> lines.add("  " + l));
        }
        lines.add("  why: " + why(e.why()));
      } else {
        lines.addAll(lines(d));
      }
    }
    return lines;
  }

  private static List<String> lines(Difference d) {
    if (d instanceof Difference.ListChanged l) {
      return listChanged(l);
    }
    return List.of(line(d));
  }

  private static String line(Difference d) {
    if (d instanceof Difference.Changed c) {
      return c.subject() + ": " + value(c, c.before()) + " → " + value(c, c.after());
    } else if (d instanceof Difference.TextChanged t) {
      return t.subject()
          + " ("
          + t.language()
          + "): "
          + quoted(t.before())
          + " → "
          + quoted(t.after());
    } else if (d instanceof Difference.Reordered r) {
      return r.subject()
          + ": order "
          + String.join(", ", items(r.before()))
          + " → "
          + String.join(", ", items(r.after()));
    } else if (d instanceof Difference.ElementsReordered r) {
      return "order of the elements: "
          + String.join(", ", r.before())
          + " → "
          + String.join(", ", r.after());
    } else if (d instanceof Difference.Removed r) {
      return (r.part() == Difference.Part.ASSUMPTION ? "assumption " : "element ")
          + r.id()
          + ": no longer in the pack (was "
          + partValue(r.part(), r.was())
          + ")";
    } else if (d instanceof Difference.Added a) {
      return a.part() == Difference.Part.ASSUMPTION
          ? "assumption " + a.id() + ": new in the pack, value " + partValue(a.part(), a.now())
          : "element " + a.id() + ": new in the pack: " + partValue(a.part(), a.now());
    } else if (d instanceof Difference.FactReadDifferently f) {
      return "facts used: " + f.fact() + " is read differently";
    } else if (d instanceof Difference.QuestionRemoved q) {
      return "next questions: - " + q.fact();
    } else if (d instanceof Difference.QuestionAdded q) {
      return "next questions: + " + q.fact() + " (for " + String.join(", ", q.elements()) + ")";
    }
    throw new IllegalArgumentException("not a single-line difference: " + d);
  }

  private static String partValue(Difference.Part part, String value) {
    if (value == null) {
      return "(none)";
    }
    return part == Difference.Part.ELEMENT ? outcome(value) : value;
  }

  private static List<String> listChanged(Difference.ListChanged l) {
    var lines = new ArrayList<String>();
    if (l.together()) {
      if (!l.removed().isEmpty()) {
        lines.add(l.subject() + ": - " + String.join(", ", items(l.removed())));
      }
      if (!l.added().isEmpty()) {
        lines.add(l.subject() + ": + " + String.join(", ", items(l.added())));
      }
    } else {
      l.removed().forEach(r -> lines.add(l.subject() + ": - " + item(r)));
      l.added().forEach(a -> lines.add(l.subject() + ": + " + item(a)));
    }
    return lines;
  }

  /** Why an element's finding differs. */
  public static String why(Difference.Why why) {
    return switch (why.kind()) {
      case OTHER_RULES_IN_FORCE ->
          "other rule versions, or other validity dates, are in force on the assessment date";
      case RULES_CHANGED_IN_PACK ->
          "the same rule versions are in force, but their conditions, outcomes or exceptions"
              + " changed in the pack";
      case ENGINE_EVALUATED_DIFFERENTLY ->
          "the pack is the same, but the engine evaluated its rules differently";
      case ONLY_FIELDS_DIFFER ->
          "the same rules decide the same way; only "
              + String.join(", ", why.fields().stream().map(DiffText::label).toList())
              + (why.fields().size() == 1 ? " differs" : " differ")
              + (why.packChanged() ? " in the pack" : "");
    };
  }

  /** A reason in words. */
  public static String reason(RerunReason reason) {
    if (reason instanceof RerunReason.PackChanged p) {
      return "the pack changed since the assessment: "
          + (p.versionBefore().equals(p.versionAfter())
              ? "same version label " + p.versionBefore() + ", but content "
              : "version " + p.versionBefore() + " → " + p.versionAfter() + ", content ")
          + shortHash(p.hashBefore())
          + " → "
          + shortHash(p.hashAfter());
    } else if (reason instanceof RerunReason.NewAssumption n) {
      return "the pack has a new assumption " + n.id();
    } else if (reason instanceof RerunReason.FindingsSame) {
      return "the findings of every element are the same";
    } else if (reason instanceof RerunReason.PackUnchanged u) {
      return "the pack is unchanged; "
          + (u.engineChanged()
              ? "the engine changed: " + u.engineBefore() + " → " + u.engineAfter()
              : "the engine version is the same (" + u.engineAfter() + ")");
    } else if (reason instanceof RerunReason.EngineChanged e) {
      return "the engine changed too: " + e.before() + " → " + e.after();
    } else if (reason instanceof RerunReason.AssumptionGone g) {
      return "assumption "
          + g.id()
          + " (stored value "
          + g.storedValue()
          + ") is no longer in the pack; it was left out";
    } else if (reason instanceof RerunReason.AssumptionValueUnusable u) {
      return "assumption "
          + u.id()
          + " now takes "
          + u.expected()
          + "; the stored value "
          + u.storedValue()
          + " cannot be used, the pack's default "
          + u.used()
          + " was";
    } else if (reason instanceof RerunReason.DefaultChanged c) {
      return "the pack's default for assumption "
          + c.id()
          + " is now "
          + c.newDefault()
          + "; the re-run used the stored value "
          + c.storedValue();
    } else if (reason instanceof RerunReason.PackFactsChanged) {
      return "the pack's facts changed since the assessment";
    }
    throw new IllegalArgumentException("unknown reason " + reason);
  }

  /** Every reason in words. */
  public static List<String> reasons(List<RerunReason> reasons) {
    return reasons.stream().map(DiffText::reason).toList();
  }

  /** The algorithm and the first 12 digits of a content hash: enough to tell packs apart. */
  public static String shortHash(String hash) {
    int colon = hash.indexOf(':');
    int end = Math.min(hash.length(), (colon < 0 ? 0 : colon + 1) + 12);
    return hash.substring(0, end);
  }

  private static String quoted(String text) {
    return text == null ? "(none)" : "“" + text + "”";
  }
}
