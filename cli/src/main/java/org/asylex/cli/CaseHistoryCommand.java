package org.asylex.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.asylex.app.Application;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.Language;
import org.asylex.store.FactChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code asylex case history ID}. */
@Command(
    name = "history",
    description = "Every change of every fact of a case: old → new value, who, when and why.",
    mixinStandardHelpOptions = true)
final class CaseHistoryCommand extends PackStoreCommand {
  @Parameters(paramLabel = "ID", description = "The case id.")
  String id;

  @Override
  int run(Application app, String actor) {
    List<FactChange> changes = app.cases().history(id, actor);
    // The labels of the pack of the country the case has now (its last change of country).
    var now = new LinkedHashMap<String, Object>();
    changes.stream()
        .filter(ch -> ch.fact().equals(CaseInput.COUNTRY_FACT))
        .reduce((a, b) -> b)
        .flatMap(FactChange::newValue)
        .ifPresent(country -> now.put(CaseInput.COUNTRY_FACT, country));
    Optional<PolicyPack> pack = app.policies().packFor(now);
    long version = -1;
    for (FactChange ch : changes) {
      if (ch.version() != version) {
        version = ch.version();
        out()
            .println(
                "version "
                    + version
                    + ", "
                    + CaseCommand.time(ch.at())
                    + ", by "
                    + ch.actor()
                    + ch.note().map(n -> ": " + Terminal.safe(n.replace("\n", " "))).orElse(""));
      }
      out()
          .println(
              "  "
                  + Terminal.safe(ch.fact())
                  + ": "
                  + Terminal.safe(ch.oldValue().map(v -> shown(pack, ch, v)).orElse("(not set)"))
                  + " → "
                  + Terminal.safe(ch.newValue().map(v -> shown(pack, ch, v)).orElse("(not set)")));
    }
    if (changes.isEmpty()) {
      out().println("case " + id + ": no fact was ever set");
    }
    return 0;
  }

  private static String shown(Optional<PolicyPack> pack, FactChange ch, Object value) {
    return ValueLabels.fact(pack, ch.fact(), value, FactValues.json(value), Language.EN);
  }
}
