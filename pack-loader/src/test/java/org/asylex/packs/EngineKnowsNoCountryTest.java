package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.asylex.engine.assessment.CaseInput;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Slot;
import org.junit.jupiter.api.Test;

/**
 * The product knows nothing of Russia: no fact, element, group, rule, assumption or date of the RU
 * pack appears in any main Java source of any module. Tests and benchmarks may name them.
 */
class EngineKnowsNoCountryTest {

  @Test
  void noNameOrDateOfTheRussianPackAppearsInProductCode() throws IOException {
    PolicyPack ru = PackLoader.load(Path.of("../policies/ru")).pack().orElseThrow();
    Set<String> names = new TreeSet<>();
    ru.facts().facts().forEach(f -> names.add(f.name()));
    // countryOfOrigin is the domain's generic pack selector, not Russian knowledge
    names.remove(CaseInput.COUNTRY_FACT);
    for (Element e : ru.elements()) {
      // slot ids (decision-moratorium, ...) are the generic sections of every country policy
      if (Slot.fromId(e.id()).isEmpty()) {
        names.add(e.id());
      }
      e.groups().forEach(g -> names.add(g.id()));
      e.milestones().forEach(m -> names.add(m.date().toString()));
    }
    for (Rule r : ru.rules()) {
      names.add(r.id());
      for (Rule.Version v : r.versions()) {
        v.validity()
            .from()
            .filter(DateRef.Fixed.class::isInstance)
            .ifPresent(d -> names.add(d.toString()));
        v.validity()
            .to()
            .filter(DateRef.Fixed.class::isInstance)
            .ifPresent(d -> names.add(d.toString()));
      }
    }
    ru.assumptions().forEach(a -> names.add(a.id()));
    ru.assumptions().forEach(a -> names.add(a.defaultValue()));
    ru.definitions().forEach(d -> names.add(d.name()));
    names.addAll(
        List.of("RU", "RU-CE", "Russia", "Russian", "Russische", "Rusland", "Oekraïne", "Ukraine"));
    names.removeIf(n -> n.length() < 2 || n.equals("true") || n.equals("false"));

    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(".."))) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/benchmarks/"))
          .forEach(sources::add);
    }
    assertThat(sources).as("main sources found").hasSizeGreaterThan(20);

    var found = new ArrayList<String>();
    for (Path source : sources) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      for (String name : names) {
        if (Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(name) + "(?![A-Za-z0-9-])")
            .matcher(text)
            .find()) {
          found.add(source + ": " + name);
        }
      }
    }
    assertThat(found).as("RU names in product code").isEmpty();
  }
}
