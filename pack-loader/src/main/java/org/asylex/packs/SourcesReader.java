package org.asylex.packs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.SourceDocument;
import org.asylex.engine.text.LocalizedText;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code sources} of pack.yaml and the source documents they name, which must lie inside
 * the pack; each readable document is handed to the {@link QuoteReader}.
 */
final class SourcesReader {
  static final Mapping SOURCE =
      Mapping.of("source", "id", "file", "title", "date", "author", "identifiers");

  private final PackFiles files;
  private final QuoteReader quotes;
  private final Values values;
  private final Diagnostics out;

  SourcesReader(LoadContext context, QuoteReader quotes) {
    this.files = context.files();
    this.quotes = quotes;
    this.out = context.out();
    this.values = new Values(out);
  }

  /** The source documents listed under {@code sources} of the pack mapping {@code pack}. */
  List<SourceDocument> read(String file, Fields pack) {
    var result = new ArrayList<SourceDocument>();
    List<Node> nodes = pack.list("sources", true);
    if (pack.has("sources") && nodes.isEmpty()) {
      out.error("missing-source", pack.at("sources"), "a pack needs at least one source document");
    }
    for (Node n : nodes) {
      SOURCE.read(file, n, out).flatMap(this::source).ifPresent(result::add);
    }
    return result;
  }

  private Optional<SourceDocument> source(Fields f) {
    Optional<String> id = f.text("id");
    Optional<String> path = f.text("file");
    Optional<LocalizedText> title = f.localized("title");
    Optional<LocalDate> date = f.optionalText("date").flatMap(d -> values.date(d, f.at("date")));
    Optional<String> text = path.flatMap(p -> files.source(p, f.at("file")));
    if (id.isPresent() && path.isPresent() && text.isEmpty()) {
      quotes.unreadable(id.get());
    }
    if (id.isEmpty() || path.isEmpty() || title.isEmpty() || text.isEmpty()) {
      return Optional.empty();
    }
    if (!quotes.addSource(id.get(), text.get())) {
      out.error("duplicate-source", f.at("id"), "source '" + id.get() + "' is declared twice");
    }
    return Optional.of(
        new SourceDocument(
            id.get(),
            path.get(),
            title.get(),
            date.orElse(null),
            f.optionalText("author").orElse(""),
            f.textMap("identifiers"),
            text.get(),
            f.origin()));
  }
}
