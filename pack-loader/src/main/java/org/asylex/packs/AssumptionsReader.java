package org.asylex.packs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.text.LocalizedText;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads assumptions.yaml: the assumptions and interpretations the rules rest on. */
final class AssumptionsReader {
  static final String FILE_NAME = "assumptions.yaml";
  static final Mapping FILE = Mapping.of(FILE_NAME, "assumptions");
  static final Mapping ASSUMPTION =
      Mapping.of(
          "assumption",
          "id",
          "kind",
          "type",
          "values",
          "labels",
          "default",
          "statement",
          "alternatives",
          "sources");
  static final Mapping ALTERNATIVE = Mapping.of("alternative", "value", "reading");

  private static final List<String> KINDS = List.of("assumption", "interpretation");

  private final LoadContext context;
  private final QuoteReader quotes;
  private final Diagnostics out;
  private final Values values;

  AssumptionsReader(LoadContext context, QuoteReader quotes) {
    this.context = context;
    this.quotes = quotes;
    this.out = context.out();
    this.values = new Values(out);
  }

  List<Assumption> read() {
    var result = new ArrayList<Assumption>();
    Optional<LoadContext.PackFile> file = context.read(FILE_NAME, FILE);
    if (file.isPresent()) {
      String name = file.get().name();
      for (Node n : file.get().fields().list("assumptions", true)) {
        ASSUMPTION.read(name, n, out).flatMap(f -> assumption(name, f)).ifPresent(result::add);
      }
    }
    return result;
  }

  private Optional<Assumption> assumption(String file, Fields f) {
    Optional<String> id = f.text("id");
    Optional<Assumption.Kind> kind =
        f.text("kind")
            .flatMap(k -> values.oneOf(k, Assumption.Kind.fromId(k), KINDS, f.at("kind"), "kind"));
    Optional<Assumption.Type> type =
        f.text("type")
            .flatMap(
                t ->
                    values.oneOf(
                        t,
                        Assumption.Type.fromId(t),
                        Assumption.Type.ids(),
                        f.at("type"),
                        "assumption type"));
    List<String> choices = f.texts("values");
    Map<String, LocalizedText> valueLabels =
        type.isEmpty()
            ? Map.of()
            : ValueLabelsReader.read(
                file,
                f,
                "assumption " + id.orElse("?"),
                type.get() == Assumption.Type.CHOICE
                    ? new ValueLabelsReader.Domain.Closed(choices)
                    : new ValueLabelsReader.Domain.None(
                        "is for the values of a choice; a "
                            + type.get().id()
                            + " assumption has none"),
                out);
    Optional<String> def = f.text("default");
    Optional<LocalizedText> statement = f.localized("statement");
    List<Assumption.Alternative> alternatives = alternatives(file, f);
    List<SourceQuote> sources = quotes.quotes(file, f, "sources", false);
    if (id.isEmpty() || kind.isEmpty() || type.isEmpty() || def.isEmpty() || statement.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Assumption(
            id.get(),
            kind.get(),
            type.get(),
            def.get(),
            choices,
            statement.get(),
            alternatives,
            sources,
            f.origin(),
            valueLabels));
  }

  private List<Assumption.Alternative> alternatives(String file, Fields parent) {
    var result = new ArrayList<Assumption.Alternative>();
    for (Node a : parent.list("alternatives", false)) {
      ALTERNATIVE.read(file, a, out).flatMap(this::alternative).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Assumption.Alternative> alternative(Fields f) {
    return f.localized("reading")
        .map(reading -> new Assumption.Alternative(f.optionalText("value"), reading, f.origin()));
  }
}
