package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys each pack file accepts are the keys {@code docs/pack-format-reference.md} documents:
 * every reader declares its mappings' keys as data ({@link PackFormat}), and the reference has one
 * key table per mapping.
 */
class PackFormatReferenceTest {
  /** The reference, seen from the module directory that Maven runs the tests in. */
  static final Path REFERENCE = Path.of("../docs/pack-format-reference.md");

  private static Map<String, List<String>> accepted() {
    var accepted = new LinkedHashMap<String, List<String>>();
    for (Mapping m : PackFormat.mappings()) {
      assertThat(accepted.put(m.name(), m.keys()))
          .as("mapping %s declared once", m.name())
          .isNull();
    }
    return accepted;
  }

  private static Map<String, List<String>> documented() throws IOException {
    return ReferenceKeyTables.parse(Files.readString(REFERENCE, StandardCharsets.UTF_8));
  }

  @Test
  void everyAcceptedKeyIsDocumentedAndEveryDocumentedKeyIsAccepted() throws IOException {
    List<String> differences = ReferenceKeyTables.differences(accepted(), documented());

    assertThat(differences).as("loader keys against %s", REFERENCE).isEmpty();
  }

  @Test
  void theReferenceDocumentsEveryPackFilesTopLevelMapping() throws IOException {
    assertThat(documented().keySet())
        .contains("pack")
        .containsAll(PackLoader.PACK_FILES.subList(1, PackLoader.PACK_FILES.size()));
  }

  @Test
  void theReferenceListsKeysInTheOrderTheLoaderNamesThem() throws IOException {
    // "expected one of ..." lists follow the declaration order, so they read like the reference
    Map<String, List<String>> documented = documented();
    accepted().forEach((name, keys) -> assertThat(documented.get(name)).as(name).isEqualTo(keys));
  }

  @Test
  void aKeyThatOnlyTheLoaderAcceptsOrOnlyTheReferenceListsIsNamed() {
    var accepted = Map.of("rule", List.of("id", "element", "rests-on"), "fact", List.of("name"));
    var documented =
        Map.of("rule", List.of("id", "element", "rest-on"), "group", List.of("id", "label"));

    List<String> differences = ReferenceKeyTables.differences(accepted, documented);

    assertThat(differences)
        .containsExactlyInAnyOrder(
            "rule: key 'rests-on' is accepted by the loader but not documented",
            "rule: key 'rest-on' is documented but not accepted by the loader",
            "'fact' is read by the loader but has no key table",
            "'group' has a key table but the loader reads no such mapping");
    assertThat(ReferenceKeyTables.differences(accepted, accepted)).isEmpty();
  }

  @Test
  void theTablesAreReadFromTheirHeadingsAndFirstColumn() {
    String markdown =
        """
        # Title

        #### `validity` keys

        The period.

        | key | required | value |
        |---|---|---|
        | `from` | no | a date |
        | `to` | no | a date |

        Prose after the table, with `code` in it.

        ### `text` keys

        | key | required |
        |---|---|
        | `nl` | yes |
        | `en` | yes |
        """;

    assertThat(ReferenceKeyTables.parse(markdown))
        .containsExactly(
            Map.entry("validity", List.of("from", "to")), Map.entry("text", List.of("nl", "en")));
    assertThatThrownBy(() -> ReferenceKeyTables.parse("## `rule` keys\n\nno table\n"))
        .hasMessageContaining("no key table after the heading of 'rule'");
    assertThatThrownBy(() -> ReferenceKeyTables.parse("## `x` keys\n|k|\n|---|\n| plain |\n"))
        .hasMessageContaining("a row must start with one `key`");
  }
}
