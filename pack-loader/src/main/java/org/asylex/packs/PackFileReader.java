package org.asylex.packs;

import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.policy.SourceDocument;
import org.asylex.engine.text.LocalizedText;

/** Reads pack.yaml: the pack's metadata and, through {@link SourcesReader}, its sources. */
final class PackFileReader {
  static final Mapping PACK =
      Mapping.of("pack", "id", "country", "version", "title", "summary", "sources");

  /** What pack.yaml says; a required value that is absent or invalid is empty (reported). */
  record Meta(
      Optional<String> id,
      Optional<String> country,
      Optional<String> version,
      Optional<LocalizedText> title,
      Optional<LocalizedText> summary,
      List<SourceDocument> sources) {

    /** Every required value is present, so a pack can be built. */
    boolean complete() {
      return id.isPresent() && country.isPresent() && version.isPresent() && title.isPresent();
    }
  }

  private final LoadContext context;
  private final SourcesReader sources;
  private final Diagnostics out;

  PackFileReader(LoadContext context, QuoteReader quotes) {
    this.context = context;
    this.sources = new SourcesReader(context, quotes);
    this.out = context.out();
  }

  /** Empty when pack.yaml cannot be read as a mapping at all (reported). */
  Optional<Meta> read() {
    Optional<LoadContext.PackFile> file = context.read(PackLoader.PACK_FILE, PACK);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Fields m = file.get().fields();
    Optional<String> id = m.text("id");
    Optional<String> country = m.text("country");
    if (id.isPresent() && !id.get().matches("[A-Z][A-Z0-9-]*")) {
      out.error("bad-name", m.at("id"), "pack id '" + id.get() + "' must be upper case, e.g. NL");
    }
    if (country.isPresent() && !country.get().matches("[A-Z]{2}")) {
      out.error(
          "bad-value",
          m.at("country"),
          "country '" + country.get() + "' must be an ISO 3166-1 alpha-2 code, e.g. NL");
    }
    Optional<String> version = m.text("version");
    Optional<LocalizedText> title = m.localized("title");
    Optional<LocalizedText> summary = m.optionalLocalized("summary");
    List<SourceDocument> documents = sources.read(file.get().name(), m);
    return Optional.of(new Meta(id, country, version, title, summary, documents));
  }
}
