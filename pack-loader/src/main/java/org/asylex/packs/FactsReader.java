package org.asylex.packs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.text.LocalizedText;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads facts.yaml: the fact schema. */
final class FactsReader {
  static final String FILE_NAME = "facts.yaml";
  static final Mapping FILE = Mapping.of(FILE_NAME, "facts");
  static final Mapping FACT =
      Mapping.of("fact", "name", "type", "values", "labels", "label", "question");

  private final LoadContext context;
  private final Diagnostics out;
  private final Values values;

  FactsReader(LoadContext context) {
    this.context = context;
    this.out = context.out();
    this.values = new Values(out);
  }

  List<FactDefinition> read() {
    var result = new ArrayList<FactDefinition>();
    Optional<LoadContext.PackFile> file = context.read(FILE_NAME, FILE);
    if (file.isPresent()) {
      for (Node n : file.get().fields().list("facts", true)) {
        FACT.read(file.get().name(), n, out).flatMap(this::fact).ifPresent(result::add);
      }
    }
    return result;
  }

  private Optional<FactDefinition> fact(Fields f) {
    Optional<String> name = f.text("name");
    Optional<FactType> type =
        f.text("type")
            .flatMap(
                t ->
                    values.oneOf(t, FactType.fromId(t), FactType.ids(), f.at("type"), "fact type"));
    Optional<LocalizedText> label = f.localized("label");
    Optional<LocalizedText> question = f.localized("question");
    List<String> enumValues = f.texts("values");
    Map<String, LocalizedText> valueLabels =
        type.isEmpty()
            ? Map.of()
            : ValueLabelsReader.read(
                f.file(), f, "fact " + name.orElse("?"), domain(type.get(), enumValues), out);
    if (name.isEmpty() || type.isEmpty() || label.isEmpty() || question.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FactDefinition(
            name.get(),
            type.get(),
            enumValues,
            label.get(),
            question.get(),
            f.origin(),
            valueLabels));
  }

  private static ValueLabelsReader.Domain domain(FactType type, List<String> values) {
    return switch (type) {
      case ENUM -> new ValueLabelsReader.Domain.Closed(values);
      case COUNTRY, REGION ->
          new ValueLabelsReader.Domain.Codes(type.valuePattern(), type.expected(values));
      default ->
          new ValueLabelsReader.Domain.None(
              "is for the values of an enum fact or the codes of a country or region fact; a "
                  + type.id()
                  + " fact has none");
    };
  }
}
