package org.asylex.packs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.source.QuoteLocator;
import org.asylex.engine.source.TextSpan;
import org.asylex.engine.text.NearestName;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads source quotes ({@code {document: ..., quote: ...}}) and finds each one verbatim, exactly
 * once, in the source document it names.
 */
final class QuoteReader {
  static final Mapping SOURCE_QUOTE = Mapping.of("source quote", "document", "quote");

  private final LoadContext context;
  private final Diagnostics out;
  private final Map<String, QuoteLocator> locators = new LinkedHashMap<>();

  /** Sources declared in pack.yaml whose file could not be read (already reported there). */
  private final Set<String> unreadableSources = new HashSet<>();

  QuoteReader(LoadContext context) {
    this.context = context;
    this.out = context.out();
  }

  /** Makes the text of source {@code id} quotable; false when the id was declared before. */
  boolean addSource(String id, String text) {
    return locators.put(id, new QuoteLocator(text)) == null;
  }

  boolean hasSource(String id) {
    return locators.containsKey(id);
  }

  /** Notes that source {@code id} is declared but its file could not be read (reported). */
  void unreadable(String id) {
    unreadableSources.add(id);
  }

  /** The quotes of list {@code key} of {@code parent}, each found in its document. */
  List<SourceQuote> quotes(String file, Fields parent, String key, boolean required) {
    var result = new ArrayList<SourceQuote>();
    List<Node> items = parent.list(key, required);
    for (Node n : items) {
      SOURCE_QUOTE.read(file, n, out).flatMap(this::quote).ifPresent(result::add);
    }
    if (result.size() < items.size()) {
      context.emptiedByErrors(parent.at(key));
    }
    return result;
  }

  private Optional<SourceQuote> quote(Fields f) {
    Optional<String> doc = f.text("document");
    Optional<String> quote = f.text("quote");
    if (doc.isEmpty() || quote.isEmpty()) {
      return Optional.empty();
    }
    QuoteLocator locator = locators.get(doc.get());
    if (locator == null && unreadableSources.contains(doc.get())) {
      return Optional.empty(); // the missing or unreadable file is reported in pack.yaml
    }
    if (locator == null) {
      out.error(
          "unknown-document",
          f.at("document"),
          "unknown source document '"
              + doc.get()
              + "'"
              + NearestName.didYouMean(doc.get(), locators.keySet())
              + " (sources are declared in pack.yaml)");
      return Optional.empty();
    }
    List<TextSpan> spans = locator.findAll(quote.get());
    if (spans.size() == 1) {
      return Optional.of(
          new SourceQuote(
              doc.get(), quote.get().strip().replaceAll("\\s+", " "), spans.get(0), f.at("quote")));
    }
    if (spans.isEmpty()) {
      out.error(
          "quote-not-found",
          f.at("quote"),
          "quote not found verbatim in '"
              + doc.get()
              + "'"
              + QuoteDivergence.of(locator, quote.get()));
    } else {
      ambiguous(f, doc.get(), spans);
    }
    return Optional.empty();
  }

  private void ambiguous(Fields f, String doc, List<TextSpan> spans) {
    var lines = spans.stream().map(s -> Integer.toString(s.line())).toList();
    out.error(
        "quote-ambiguous",
        f.at("quote"),
        "quote occurs "
            + spans.size()
            + " times in '"
            + doc
            + "' (lines "
            + String.join(", ", lines)
            + "); quote more of the sentence so it names one place");
  }
}
