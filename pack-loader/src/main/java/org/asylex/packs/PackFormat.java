package org.asylex.packs;

import java.util.List;

/**
 * Every kind of YAML mapping a pack's files hold, with the keys each accepts, as the readers
 * declare them; {@code docs/pack-format-reference.md} documents the same keys, and a test holds the
 * two against each other.
 */
final class PackFormat {
  private PackFormat() {}

  static List<Mapping> mappings() {
    return List.of(
        Fields.TEXT,
        QuoteReader.SOURCE_QUOTE,
        PackFileReader.PACK,
        SourcesReader.SOURCE,
        FactsReader.FILE,
        FactsReader.FACT,
        ElementsReader.FILE,
        ElementsReader.ELEMENT,
        ElementsReader.GROUP,
        ElementsReader.DEFAULT_OUTCOME,
        ElementsReader.REPORT_FINDING,
        ElementsReader.MILESTONE,
        AssumptionsReader.FILE,
        AssumptionsReader.ASSUMPTION,
        AssumptionsReader.ALTERNATIVE,
        RulesReader.FILE,
        RulesReader.DEFINITION,
        RulesReader.RULE,
        RulesReader.VERSION,
        ReasonReader.WORDING,
        RulesReader.VALIDITY);
  }
}
