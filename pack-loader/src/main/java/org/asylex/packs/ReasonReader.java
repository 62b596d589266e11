package org.asylex.packs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.Condition;
import org.asylex.engine.policy.ReasonVariant;
import org.asylex.engine.text.LocalizedText;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a reason: a text, or a list of wordings of which every one but the last has an {@code if}
 * condition and the last (the plain wording) has none.
 */
final class ReasonReader {
  static final Mapping WORDING = Mapping.of("reason wording", "if", "nl", "en");

  /** A reason as read: the plain wording and the conditional ones before it. */
  record Read(LocalizedText plain, List<ReasonVariant> variants) {}

  private final Diagnostics out;
  private final ConditionReader conditions;

  ReasonReader(Diagnostics out) {
    this.out = out;
    this.conditions = new ConditionReader(out);
  }

  /** One wording as read: its condition (none for the plain one) and its text. */
  private record Wording(
      Optional<Condition> when, LocalizedText text, org.asylex.engine.policy.Origin at) {}

  /** The reason under {@code key} of {@code f}; empty when absent or wrong (reported). */
  Optional<Read> read(YamlFile yaml, Fields f, String key) {
    Optional<Node> node = f.node(key);
    if (node.isEmpty() || !(node.get() instanceof SequenceNode list)) {
      return f.localized(key).map(text -> new Read(text, List.of()));
    }
    List<Node> items = list.getValue();
    if (items.isEmpty()) {
      out.error(
          "empty-reason",
          f.at(key),
          "'" + key + "' is an empty list; give a text, or wordings with the plain one last");
      return Optional.empty();
    }
    var variants = new ArrayList<ReasonVariant>();
    LocalizedText plain = null;
    boolean complete = true;
    for (int i = 0; i < items.size(); i++) {
      boolean last = i == items.size() - 1;
      Optional<Wording> w =
          WORDING.read(yaml.name(), items.get(i), out).flatMap(x -> wording(yaml, x, key, last));
      if (w.isEmpty()) {
        complete = false;
      } else if (last) {
        plain = w.get().text();
      } else {
        variants.add(new ReasonVariant(w.get().when().orElseThrow(), w.get().text(), w.get().at()));
      }
    }
    if (!complete || plain == null) {
      return Optional.empty();
    }
    return Optional.of(new Read(plain, variants));
  }

  /** One wording; the last (plain) one has no {@code if}, every other one has. */
  private Optional<Wording> wording(YamlFile yaml, Fields w, String key, boolean last) {
    Optional<String> nl = w.text("nl");
    Optional<String> en = w.text("en");
    Optional<Condition> when = Optional.empty();
    if (last && w.has("if")) {
      out.error(
          "reason-without-plain-wording",
          w.at("if"),
          "the last wording of '"
              + key
              + "' is the plain one and has no 'if': it is used whenever no condition before it"
              + " is certainly true");
      return Optional.empty();
    }
    if (!last && !w.has("if")) {
      out.error(
          "reason-wording-without-if",
          w.at(),
          "every wording of '"
              + key
              + "' but the last needs an 'if' (the condition under which it is used)");
      return Optional.empty();
    }
    if (!last) {
      when = conditions.read(yaml, w, "if");
    }
    if (nl.isEmpty() || en.isEmpty() || (!last && when.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new Wording(when, new LocalizedText(nl.get(), en.get()), w.origin()));
  }
}
