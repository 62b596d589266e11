package org.asylex.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.SourcePosition;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One defect of {@code src/test/resources/invalid-packs/}: an edit of the Russian pack and the
 * diagnostic it must cause (see the README there).
 */
record InvalidPackFixture(
    String name, String defect, String file, String find, String replace, Expectation expect) {

  /** The diagnostic the edit must cause. */
  record Expectation(
      String code,
      String messageContains,
      Object at,
      Optional<Object> related,
      boolean noOtherErrors) {}

  /** The edited file: its text after all edits, and where this fixture's replacement stands. */
  record Edited(Path path, String text, int start) {}

  static final String DIRECTORY = "invalid-packs";

  private static final Set<String> KEYS = Set.of("defect", "file", "find", "replace", "expect");
  private static final Set<String> EXPECT_KEYS =
      Set.of("code", "message-contains", "at", "related", "no-other-errors");

  @Override
  public String toString() {
    return name;
  }

  /** Every fixture, by file name. */
  static Stream<InvalidPackFixture> all() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(InvalidPackFixture::read)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InvalidPackFixture named(String fileName) {
    return read(directory().resolve(fileName));
  }

  private static Path directory() {
    try {
      var url = InvalidPackFixture.class.getClassLoader().getResource(DIRECTORY);
      assertThat(url).as("test resource directory " + DIRECTORY).isNotNull();
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InvalidPackFixture read(Path path) {
    String name = path.getFileName().toString();
    Map<String, Object> map;
    try {
      map = mapping(name, loadYaml(name, Files.readString(path, StandardCharsets.UTF_8)), KEYS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> expect = mapping(name + " expect", map.get("expect"), EXPECT_KEYS);
    return new InvalidPackFixture(
        name,
        text(name, map, "defect"),
        text(name, map, "file"),
        text(name, map, "find"),
        text(name, map, "replace"),
        new Expectation(
            text(name, expect, "code"),
            text(name, expect, "message-contains"),
            required(name, expect, "at"),
            Optional.ofNullable(expect.get("related")),
            Boolean.TRUE.equals(expect.get("no-other-errors"))));
  }

  private static Object loadYaml(String name, String text) {
    return new Load(LoadSettings.builder().setLabel(name).build()).loadFromString(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(String where, Object value, Set<String> keys) {
    if (!(value instanceof Map<?, ?> m)) {
      return fail("%s: expected a mapping with keys %s, found %s", where, keys, value);
    }
    assertThat(m.keySet().stream().map(String::valueOf).toList())
        .as(where + ": keys")
        .isSubsetOf(keys);
    return (Map<String, Object>) m;
  }

  private static Object required(String where, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      fail("%s: missing key '%s'", where, key);
    }
    return value;
  }

  private static String text(String where, Map<String, Object> map, String key) {
    Object value = required(where, map, key);
    if (!(value instanceof String s)) {
      return fail("%s: '%s' must be a text, found %s", where, key, value);
    }
    return s;
  }

  /**
   * Makes this fixture's edit in the pack copy {@code pack}; fails when {@code find} does not occur
   * exactly once (the pack changed and the fixture is stale).
   */
  Edited apply(Path pack) {
    Path path = pack.resolve(file);
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      int start = text.indexOf(find);
      int count = 0;
      for (int i = start; i >= 0; i = text.indexOf(find, i + 1)) {
        count++;
      }
      if (count != 1) {
        fail(
            "fixture %s is stale: its 'find' text occurs %d times in %s, it must occur exactly"
                + " once:%n%s",
            name, count, file, find);
      }
      String edited = text.substring(0, start) + replace + text.substring(start + find.length());
      Files.writeString(path, edited, StandardCharsets.UTF_8);
      return new Edited(path, edited, start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The line and column the diagnostic must point at. */
  SourcePosition expectedAt(Edited edited) {
    return place(expect.at(), edited);
  }

  Optional<SourcePosition> expectedRelated(Edited edited) {
    return expect.related().map(r -> place(r, edited));
  }

  private SourcePosition place(Object place, Edited edited) {
    String text = edited.text();
    int offset;
    if ("edit".equals(place)) {
      offset = edited.start();
    } else if (place instanceof Map<?, ?> m && m.size() == 1) {
      var entry = m.entrySet().iterator().next();
      String anchor = String.valueOf(entry.getValue());
      offset =
          switch (String.valueOf(entry.getKey())) {
            case "edit" -> {
              int inReplacement = replace.indexOf(anchor);
              assertThat(inReplacement)
                  .as("%s: '%s' must occur in the replacement", name, anchor)
                  .isNotNegative();
              yield edited.start() + inReplacement;
            }
            case "before-edit" -> text.lastIndexOf(anchor, edited.start() - 1);
            case "after-edit" -> text.indexOf(anchor, edited.start() + replace.length());
            default -> fail("%s: unknown place %s (edit, before-edit, after-edit)", name, place);
          };
      assertThat(offset).as("%s: place %s not found in %s", name, place, file).isNotNegative();
    } else {
      return fail("%s: a place is 'edit' or {edit|before-edit|after-edit: text}: %s", name, place);
    }
    String before = text.substring(0, offset);
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int column = offset - before.lastIndexOf('\n');
    return new SourcePosition(edited.path().toString(), line, column);
  }

  /**
   * Checks that {@code diagnostics} hold the expected one, at its place, and returns it. Failure
   * messages list every diagnostic so the reader sees what the loader said instead.
   */
  Diagnostic assertReported(List<Diagnostic> diagnostics, Edited edited) {
    String all =
        diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n", "\n", ""));
    SourcePosition at = expectedAt(edited);
    List<Diagnostic> withCode =
        diagnostics.stream().filter(d -> d.code().equals(expect.code())).toList();
    assertThat(withCode)
        .as(
            "%s (%s): a diagnostic with code %s; the loader said:%s",
            name, defect, expect.code(), all)
        .isNotEmpty();
    Optional<Diagnostic> found = withCode.stream().filter(d -> d.position().equals(at)).findFirst();
    assertThat(found)
        .as("%s (%s): %s at %s; the loader said:%s", name, defect, expect.code(), at, all)
        .isPresent();
    Diagnostic d = found.get();
    assertThat(d.isError()).as("%s: %s is an error", name, d.format()).isTrue();
    assertThat(d.message())
        .as("%s: the message of %s", name, d.format())
        .contains(expect.messageContains());
    expectedRelated(edited)
        .ifPresent(
            related ->
                assertThat(d.related())
                    .as("%s: %s names the related place %s", name, d.format(), related)
                    .extracting(Diagnostic.Related::position)
                    .contains(related));
    return d;
  }
}
