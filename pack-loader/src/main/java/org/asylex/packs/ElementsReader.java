package org.asylex.packs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.time.PartialDate;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads elements.yaml: the elements of the policy with their groups, default outcomes,
 * country-report findings and milestones.
 */
final class ElementsReader {
  static final String FILE_NAME = "elements.yaml";
  static final Mapping FILE = Mapping.of(FILE_NAME, "elements");
  static final Mapping ELEMENT =
      Mapping.of(
          "element",
          "id",
          "slot",
          "letter-ref",
          "title",
          "applies-means",
          "groups",
          "otherwise",
          "not-in-force",
          "report-findings",
          "milestones");
  static final Mapping GROUP = Mapping.of("group", "id", "label");

  /** {@code otherwise} and {@code not-in-force}, each named by its key in messages. */
  static final Mapping DEFAULT_OUTCOME = Mapping.of("default outcome", "outcome", "reason");

  static final Mapping REPORT_FINDING = Mapping.of("report finding", "id", "summary", "sources");
  static final Mapping MILESTONE = Mapping.of("milestone", "date", "what", "sources");

  private final LoadContext context;
  private final QuoteReader quotes;
  private final Diagnostics out;
  private final Values values;
  private final ReasonReader reasons;
  private YamlFile yaml;

  ElementsReader(LoadContext context, QuoteReader quotes) {
    this.context = context;
    this.quotes = quotes;
    this.out = context.out();
    this.values = new Values(out);
    this.reasons = new ReasonReader(out);
  }

  List<Element> read() {
    var result = new ArrayList<Element>();
    Optional<LoadContext.PackFile> file = context.read(FILE_NAME, FILE);
    if (file.isPresent()) {
      String name = file.get().name();
      this.yaml = file.get().yaml();
      for (Node n : file.get().fields().list("elements", true)) {
        ELEMENT.read(name, n, out).flatMap(f -> element(name, f)).ifPresent(result::add);
      }
    }
    return result;
  }

  private Optional<Element> element(String file, Fields f) {
    Optional<String> id = f.text("id");
    Optional<Slot> slot =
        f.text("slot")
            .flatMap(s -> values.oneOf(s, Slot.fromId(s), Slot.ids(), f.at("slot"), "slot"));
    Optional<LocalizedText> title = f.localized("title");
    Optional<LocalizedText> appliesMeans = f.localized("applies-means");
    List<Element.Group> groups = groups(file, f);
    Optional<Element.DefaultOutcome> otherwise = defaultOutcome(file, f, "otherwise");
    Optional<Element.DefaultOutcome> notInForce = defaultOutcome(file, f, "not-in-force");
    List<Element.ReportFinding> findings = findings(file, f);
    List<Element.Milestone> milestones = milestones(file, f);
    if (id.isEmpty()
        || slot.isEmpty()
        || title.isEmpty()
        || appliesMeans.isEmpty()
        || otherwise.isEmpty()
        || notInForce.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Element(
            id.get(),
            slot.get(),
            f.optionalText("letter-ref").orElse(""),
            title.get(),
            appliesMeans.get(),
            groups,
            otherwise.get(),
            notInForce.get(),
            findings,
            milestones,
            f.origin()));
  }

  private List<Element.Group> groups(String file, Fields element) {
    var result = new ArrayList<Element.Group>();
    for (Node n : element.list("groups", false)) {
      GROUP.read(file, n, out).flatMap(this::group).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Element.Group> group(Fields f) {
    Optional<String> id = f.text("id");
    Optional<LocalizedText> label = f.localized("label");
    if (id.isEmpty() || label.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Element.Group(id.get(), label.get(), f.origin()));
  }

  private Optional<Element.DefaultOutcome> defaultOutcome(String file, Fields parent, String key) {
    if (!parent.has(key)) {
      parent.text(key); // reports the missing key
      return Optional.empty();
    }
    return DEFAULT_OUTCOME.read(file, key, parent.node(key).get(), out).flatMap(this::outcome);
  }

  private Optional<Element.DefaultOutcome> outcome(Fields f) {
    Optional<Outcome> outcome = f.text("outcome").flatMap(o -> values.outcome(o, f.at("outcome")));
    Optional<ReasonReader.Read> reason = reasons.read(yaml, f, "reason");
    if (outcome.isEmpty() || reason.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Element.DefaultOutcome(
            outcome.get(), reason.get().plain(), reason.get().variants(), f.origin()));
  }

  private List<Element.ReportFinding> findings(String file, Fields element) {
    var result = new ArrayList<Element.ReportFinding>();
    for (Node n : element.list("report-findings", false)) {
      REPORT_FINDING.read(file, n, out).flatMap(f -> finding(file, f)).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Element.ReportFinding> finding(String file, Fields f) {
    Optional<String> id = f.text("id");
    Optional<LocalizedText> summary = f.localized("summary");
    List<SourceQuote> sources = quotes.quotes(file, f, "sources", true);
    if (id.isEmpty() || summary.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Element.ReportFinding(id.get(), summary.get(), sources, f.origin()));
  }

  private List<Element.Milestone> milestones(String file, Fields element) {
    var result = new ArrayList<Element.Milestone>();
    for (Node n : element.list("milestones", false)) {
      MILESTONE.read(file, n, out).flatMap(f -> milestone(file, f)).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Element.Milestone> milestone(String file, Fields f) {
    Optional<PartialDate> date = f.text("date").flatMap(d -> values.partialDate(d, f.at("date")));
    Optional<LocalizedText> what = f.localized("what");
    List<SourceQuote> sources = quotes.quotes(file, f, "sources", true);
    if (date.isEmpty() || what.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Element.Milestone(date.get(), what.get(), sources, f.origin()));
  }
}
