package org.asylex.engine.policy;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.text.LocalizedText;

/**
 * A country policy as data: its sources, facts, elements, assumptions and rules.
 *
 * @param contentHash SHA-256 of the pack's files, so an assessment can name exactly what it used
 */
public record PolicyPack(
    String id,
    String country,
    String version,
    LocalizedText title,
    LocalizedText summary,
    List<SourceDocument> sources,
    FactSchema facts,
    List<Element> elements,
    List<Assumption> assumptions,
    List<Definition> definitions,
    List<Rule> rules,
    String contentHash) {

  public PolicyPack {
    sources = List.copyOf(sources);
    elements = List.copyOf(elements);
    assumptions = List.copyOf(assumptions);
    definitions = List.copyOf(definitions);
    rules = List.copyOf(rules);
  }

  public Optional<SourceDocument> source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Element> element(String id) {
    return elements.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  public Optional<Assumption> assumption(String id) {
    return assumptions.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<Definition> definition(String name) {
    return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The rules of one element, in pack order. */
  public List<Rule> rulesOf(String elementId) {
    return rules.stream().filter(r -> r.element().equals(elementId)).toList();
  }
}
