package org.asylex.packs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.PackValidator;
import org.asylex.engine.policy.PolicyPack;

/**
 * Reads a policy pack directory into the engine's model. Every problem is collected with its file,
 * line and column; the pack is usable only when there is no error.
 *
 * <p>The loader coordinates one reader per pack file ({@link PackFileReader} for pack.yaml and its
 * sources, {@link FactsReader}, {@link ElementsReader}, {@link AssumptionsReader}, {@link
 * RulesReader}); they share the {@link LoadContext} and the {@link QuoteReader} that finds their
 * quotes in the sources. Then the semantic check of the engine runs over the whole pack.
 */
public final class PackLoader {
  static final String PACK_FILE = "pack.yaml";
  static final List<String> PACK_FILES =
      List.of(
          PACK_FILE,
          FactsReader.FILE_NAME,
          ElementsReader.FILE_NAME,
          AssumptionsReader.FILE_NAME,
          RulesReader.FILE_NAME);

  private final Path dir;
  private final Diagnostics out = new Diagnostics();
  private final LoadContext context;
  private final QuoteReader quotes;

  private PackLoader(Path dir) {
    this.dir = dir;
    this.context = new LoadContext(new PackFiles(dir, out), out);
    this.quotes = new QuoteReader(context);
  }

  /** Loads and checks the pack in {@code dir}. */
  public static LoadResult load(Path dir) {
    return new PackLoader(dir).run();
  }

  private LoadResult run() {
    if (!Files.isDirectory(dir)) {
      out.error(
          "no-pack",
          SourcePosition.ofFile(dir.toString()),
          "not a directory: a pack is a directory holding " + PACK_FILE);
      return rejected();
    }
    Optional<PackFileReader.Meta> meta = new PackFileReader(context, quotes).read();
    if (meta.isEmpty()) {
      return rejected();
    }
    List<FactDefinition> facts = new FactsReader(context).read();
    List<Element> elements = new ElementsReader(context, quotes).read();
    List<Assumption> assumptions = new AssumptionsReader(context, quotes).read();
    RulesReader.Rules rules = new RulesReader(context, quotes).read();
    PackFileReader.Meta m = meta.get();
    if (!m.complete()) {
      return rejected();
    }
    var pack =
        new PolicyPack(
            m.id().get(),
            m.country().get(),
            m.version().get(),
            m.title().get(),
            m.summary().orElse(m.title().get()),
            m.sources(),
            new FactSchema(facts),
            elements,
            assumptions,
            rules.definitions(),
            rules.rules(),
            ContentHash.of(dir, out));
    check(pack);
    return new LoadResult(out.hasErrors() ? Optional.empty() : Optional.of(pack), out.sorted());
  }

  private LoadResult rejected() {
    return new LoadResult(Optional.empty(), out.sorted());
  }

  /** The engine's semantic check, without what only repeats errors already reported. */
  private void check(PolicyPack pack) {
    // With a whole file unread, the semantic check would report everything that refers to its
    // content (every fact, element or assumption) as unknown: the file's own error says it all.
    List<Diagnostic> semantic = context.fileUnread() ? List.of() : PackValidator.check(pack);
    for (Diagnostic d : semantic) {
      boolean followsFromReported =
          (d.code().equals("rule-without-versions") || d.code().equals("rule-without-source"))
              && context.wasEmptiedByErrors(d.position());
      if (!followsFromReported) {
        out.add(d);
      }
    }
  }
}
