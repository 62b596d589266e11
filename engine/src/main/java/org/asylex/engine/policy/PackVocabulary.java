package org.asylex.engine.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.expr.ExprType;
import org.asylex.engine.expr.Vocabulary;

/** The names a pack's conditions may use: its facts, its definitions, its assumptions. */
final class PackVocabulary implements Vocabulary {
  private final Map<String, Symbol> names = new LinkedHashMap<>();
  private final Map<String, ExprType> assumptions = new LinkedHashMap<>();
  private final Map<String, List<String>> choices = new LinkedHashMap<>();

  PackVocabulary(PolicyPack pack) {
    for (FactDefinition f : pack.facts().facts()) {
      names.putIfAbsent(
          f.name(),
          new Symbol(Symbol.Kind.FACT, f.type().exprType(), f.values(), f.type().valuePattern()));
    }
    for (Definition d : pack.definitions()) {
      names.putIfAbsent(
          d.name(), new Symbol(Symbol.Kind.DEFINITION, ExprType.CONDITION, List.of(), null));
    }
    for (Assumption a : pack.assumptions()) {
      switch (a.type()) {
        case BOOLEAN -> assumptions.putIfAbsent(a.id(), ExprType.CONDITION);
        case DATE -> assumptions.putIfAbsent(a.id(), ExprType.DATE);
        case CHOICE -> {
          assumptions.putIfAbsent(a.id(), ExprType.TEXT);
          choices.putIfAbsent(a.id(), a.values());
        }
        case TEXT -> {
          // a text assumption documents a reading; no condition can read it
        }
      }
    }
  }

  @Override
  public Optional<Symbol> name(String name) {
    return Optional.ofNullable(names.get(name));
  }

  @Override
  public Optional<ExprType> assumption(String id) {
    return Optional.ofNullable(assumptions.get(id));
  }

  @Override
  public List<String> assumptionValues(String id) {
    return choices.getOrDefault(id, List.of());
  }

  @Override
  public Collection<String> names() {
    return names.keySet();
  }

  @Override
  public Collection<String> assumptionIds() {
    return assumptions.keySet();
  }
}
