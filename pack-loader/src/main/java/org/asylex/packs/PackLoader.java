package org.asylex.packs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.asylex.engine.diagnostic.Diagnostic;
import org.asylex.engine.diagnostic.Diagnostics;
import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.expr.Expr;
import org.asylex.engine.expr.ExpressionParser;
import org.asylex.engine.expr.ExpressionSyntaxError;
import org.asylex.engine.expr.Value;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.Condition;
import org.asylex.engine.policy.DateRef;
import org.asylex.engine.policy.Definition;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.FactDefinition;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.policy.Origin;
import org.asylex.engine.policy.Outcome;
import org.asylex.engine.policy.PackValidator;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;
import org.asylex.engine.policy.Slot;
import org.asylex.engine.policy.SourceDocument;
import org.asylex.engine.policy.SourceQuote;
import org.asylex.engine.policy.Validity;
import org.asylex.engine.source.QuoteLocator;
import org.asylex.engine.source.TextSpan;
import org.asylex.engine.text.LocalizedText;
import org.asylex.engine.text.NearestName;
import org.asylex.engine.time.PartialDate;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a policy pack directory into the engine's model. Every problem is collected with its file,
 * line and column; the pack is usable only when there is no error.
 */
public final class PackLoader {
  static final String PACK_FILE = "pack.yaml";
  static final List<String> PACK_FILES =
      List.of(PACK_FILE, "facts.yaml", "elements.yaml", "assumptions.yaml", "rules.yaml");

  private final Path dir;
  private final Diagnostics out = new Diagnostics();
  private final Map<String, QuoteLocator> locators = new HashMap<>();

  /** Sources declared in pack.yaml whose file could not be read (already reported there). */
  private final Set<String> unreadableSources = new HashSet<>();

  /**
   * Places where a list came out empty, or a rule without versions, only because its items had
   * errors that are already reported: the semantic check's "has no versions" and "cites no source"
   * would repeat those errors as false statements.
   */
  private final Set<SourcePosition> emptiedByErrors = new HashSet<>();

  /** A pack file is missing, unreadable or not YAML (reported), so the pack has holes. */
  private boolean fileUnread;

  private PackLoader(Path dir) {
    this.dir = dir;
  }

  /** Loads and checks the pack in {@code dir}. */
  public static LoadResult load(Path dir) {
    return new PackLoader(dir).run();
  }

  private String display(String file) {
    return dir.resolve(file).toString();
  }

  private LoadResult run() {
    if (!Files.isDirectory(dir)) {
      out.error(
          "no-pack",
          SourcePosition.ofFile(dir.toString()),
          "not a directory: a pack is a directory holding " + PACK_FILE);
      return new LoadResult(Optional.empty(), out.sorted());
    }
    Optional<YamlFile> packFile = yaml(PACK_FILE);
    if (packFile.isEmpty() || packFile.get().root().isEmpty()) {
      return new LoadResult(Optional.empty(), out.sorted());
    }
    Optional<Fields> meta =
        Fields.of(
            display(PACK_FILE),
            "pack",
            packFile.get().root().get(),
            Set.of("id", "country", "version", "title", "summary", "sources"),
            out);
    if (meta.isEmpty()) {
      return new LoadResult(Optional.empty(), out.sorted());
    }
    Fields m = meta.get();
    Optional<String> id = m.text("id");
    Optional<String> country = m.text("country");
    id.filter(v -> !v.matches("[A-Z][A-Z0-9-]*"))
        .ifPresent(
            v ->
                out.error(
                    "bad-name", m.at("id"), "pack id '" + v + "' must be upper case, e.g. NL"));
    country
        .filter(v -> !v.matches("[A-Z]{2}"))
        .ifPresent(
            v ->
                out.error(
                    "bad-value",
                    m.at("country"),
                    "country '" + v + "' must be an ISO 3166-1 alpha-2 code, e.g. NL"));
    Optional<String> version = m.text("version");
    Optional<LocalizedText> title = m.localized("title");
    Optional<LocalizedText> summary = m.optionalLocalized("summary");
    List<SourceDocument> sources = sources(m);

    List<FactDefinition> facts = listFile("facts.yaml", "facts", this::fact);
    List<Element> elements = listFile("elements.yaml", "elements", this::element);
    List<Assumption> assumptions = listFile("assumptions.yaml", "assumptions", this::assumption);
    Optional<YamlFile> rulesFile = yaml("rules.yaml");
    List<Definition> definitions = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    rulesFile
        .flatMap(YamlFile::root)
        .flatMap(
            root ->
                Fields.of(
                    display("rules.yaml"), "rules.yaml", root, Set.of("definitions", "rules"), out))
        .ifPresent(
            f -> {
              String file = display("rules.yaml");
              for (Node n : f.list("definitions", false)) {
                definition(file, rulesFile.get(), n).ifPresent(definitions::add);
              }
              for (Node n : f.list("rules", true)) {
                rule(file, rulesFile.get(), n).ifPresent(rules::add);
              }
            });

    if (id.isEmpty() || country.isEmpty() || version.isEmpty() || title.isEmpty()) {
      return new LoadResult(Optional.empty(), out.sorted());
    }
    var pack =
        new PolicyPack(
            id.get(),
            country.get(),
            version.get(),
            title.get(),
            summary.orElse(title.get()),
            sources,
            new FactSchema(facts),
            elements,
            assumptions,
            definitions,
            rules,
            contentHash());
    // With a whole file unread, the semantic check would report everything that refers to its
    // content (every fact, element or assumption) as unknown: the file's own error says it all.
    List<Diagnostic> semantic = fileUnread ? List.of() : PackValidator.check(pack);
    for (Diagnostic d : semantic) {
      boolean followsFromReported =
          (d.code().equals("rule-without-versions") || d.code().equals("rule-without-source"))
              && emptiedByErrors.contains(d.position());
      if (!followsFromReported) {
        out.add(d);
      }
    }
    return new LoadResult(out.hasErrors() ? Optional.empty() : Optional.of(pack), out.sorted());
  }

  private interface ItemReader<T> {
    Optional<T> read(String file, YamlFile yaml, Node node);
  }

  private <T> List<T> listFile(String name, String key, ItemReader<T> reader) {
    var result = new ArrayList<T>();
    Optional<YamlFile> file = yaml(name);
    file.flatMap(YamlFile::root)
        .flatMap(root -> Fields.of(display(name), name, root, Set.of(key), out))
        .ifPresent(
            f ->
                f.list(key, true)
                    .forEach(
                        n -> reader.read(display(name), file.get(), n).ifPresent(result::add)));
    return result;
  }

  private Optional<YamlFile> yaml(String name) {
    Path path = dir.resolve(name);
    if (!Files.isRegularFile(path)) {
      out.error(
          "missing-file",
          SourcePosition.ofFile(path.toString()),
          "the pack has no "
              + name
              + " (a pack holds "
              + String.join(", ", PACK_FILES)
              + " and sources/)");
      fileUnread = true;
      return Optional.empty();
    }
    Optional<YamlFile> file =
        readUtf8(path).map(text -> YamlFile.parse(path.toString(), text, out));
    fileUnread |= file.flatMap(YamlFile::root).isEmpty();
    return file;
  }

  private Optional<String> readUtf8(Path path) {
    byte[] bytes = new byte[0];
    try {
      bytes = Files.readAllBytes(path);
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      var in = ByteBuffer.wrap(bytes);
      CharBuffer valid = CharBuffer.allocate(bytes.length + 1);
      StandardCharsets.UTF_8.newDecoder().decode(in, valid, true); // stops at the first bad byte
      String before = valid.flip().toString();
      int bad = in.position() < bytes.length ? bytes[in.position()] & 0xFF : 0;
      out.error(
          "not-utf8",
          new SourcePosition(
              path.toString(),
              1 + (int) before.chars().filter(c -> c == '\n').count(),
              before.length() - before.lastIndexOf('\n')),
          String.format(
              "the file is not valid UTF-8 text: byte 0x%02X here is not UTF-8; save the file as"
                  + " UTF-8",
              bad));
    } catch (IOException e) {
      out.error(
          "unreadable",
          SourcePosition.ofFile(path.toString()),
          "cannot read the file: " + e.getMessage());
    }
    return Optional.empty();
  }

  // ---- pack.yaml: sources -------------------------------------------------------------

  private List<SourceDocument> sources(Fields meta) {
    var result = new ArrayList<SourceDocument>();
    String file = display(PACK_FILE);
    List<Node> nodes = meta.list("sources", true);
    if (meta.has("sources") && nodes.isEmpty()) {
      out.error("missing-source", meta.at("sources"), "a pack needs at least one source document");
    }
    for (Node n : nodes) {
      Fields.of(
              file,
              "source",
              n,
              Set.of("id", "file", "title", "date", "author", "identifiers"),
              out)
          .ifPresent(
              f -> {
                Optional<String> id = f.text("id");
                Optional<String> path = f.text("file");
                Optional<LocalizedText> title = f.localized("title");
                Optional<LocalDate> date =
                    f.optionalText("date").flatMap(d -> date(d, f.at("date")));
                Optional<String> text = path.flatMap(p -> sourceText(p, f.at("file")));
                if (id.isPresent() && path.isPresent() && text.isEmpty()) {
                  unreadableSources.add(id.get());
                }
                if (id.isPresent() && path.isPresent() && title.isPresent() && text.isPresent()) {
                  if (locators.containsKey(id.get())) {
                    out.error(
                        "duplicate-source",
                        f.at("id"),
                        "source '" + id.get() + "' is declared twice");
                  }
                  locators.put(id.get(), new QuoteLocator(text.get()));
                  result.add(
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
              });
    }
    return result;
  }

  private Optional<String> sourceText(String relative, SourcePosition at) {
    Path path = dir.resolve(relative).normalize();
    if (!path.startsWith(dir.normalize()) || relative.startsWith("/")) {
      out.error(
          "bad-path", at, "source file '" + relative + "' must lie inside the pack directory");
      return Optional.empty();
    }
    if (!Files.isRegularFile(path)) {
      out.error("missing-file", at, "source file '" + relative + "' does not exist in " + dir);
      return Optional.empty();
    }
    return readUtf8(path);
  }

  // ---- quotes ----------------------------------------------------------------------------

  private List<SourceQuote> quotes(String file, Fields parent, String key, boolean required) {
    var result = new ArrayList<SourceQuote>();
    List<Node> items = parent.list(key, required);
    for (Node n : items) {
      Fields.of(file, "source quote", n, Set.of("document", "quote"), out)
          .flatMap(this::quote)
          .ifPresent(result::add);
    }
    if (result.size() < items.size()) {
      emptiedByErrors.add(parent.at(key));
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
          "quote not found verbatim in '" + doc.get() + "'" + divergence(locator, quote.get()));
    } else {
      var lines = spans.stream().map(s -> Integer.toString(s.line())).toList();
      out.error(
          "quote-ambiguous",
          f.at("quote"),
          "quote occurs "
              + spans.size()
              + " times in '"
              + doc.get()
              + "' (lines "
              + String.join(", ", lines)
              + "); quote more of the sentence so it names one place");
    }
    return Optional.empty();
  }

  /** Where a quote that is not found stops matching, so the author sees the changed word. */
  private static String divergence(QuoteLocator locator, String quote) {
    String[] words = quote.strip().split("\\s+");
    for (int n = words.length - 1; n >= 1; n--) {
      String prefix = String.join(" ", java.util.Arrays.copyOf(words, n));
      List<TextSpan> spans = locator.findAll(prefix);
      if (spans.size() == 1) {
        TextSpan s = spans.get(0);
        return "; the first "
            + n
            + " word(s) match the document at its line "
            + s.line()
            + ", then the quote reads '"
            + words[n]
            + "' where the document reads '"
            + nextWord(locator.document(), s.end())
            + "'";
      }
    }
    return "; check every letter, punctuation mark and « » ’ – character";
  }

  private static String nextWord(String doc, int from) {
    int i = from;
    while (i < doc.length() && Character.isWhitespace(doc.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < doc.length() && !Character.isWhitespace(doc.charAt(j))) {
      j++;
    }
    return doc.substring(i, j);
  }

  // ---- facts.yaml --------------------------------------------------------------------------

  private Optional<FactDefinition> fact(String file, YamlFile yaml, Node n) {
    return Fields.of(file, "fact", n, Set.of("name", "type", "values", "label", "question"), out)
        .flatMap(
            f -> {
              Optional<String> name = f.text("name");
              Optional<FactType> type =
                  f.text("type")
                      .flatMap(
                          t ->
                              oneOf(
                                  t,
                                  FactType.fromId(t),
                                  FactType.ids(),
                                  f.at("type"),
                                  "fact type"));
              Optional<LocalizedText> label = f.localized("label");
              Optional<LocalizedText> question = f.localized("question");
              if (name.isEmpty() || type.isEmpty() || label.isEmpty() || question.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new FactDefinition(
                      name.get(),
                      type.get(),
                      f.texts("values"),
                      label.get(),
                      question.get(),
                      f.origin()));
            });
  }

  // ---- elements.yaml -----------------------------------------------------------------------

  private Optional<Element> element(String file, YamlFile yaml, Node n) {
    return Fields.of(
            file,
            "element",
            n,
            Set.of(
                "id",
                "slot",
                "letter-ref",
                "title",
                "applies-means",
                "groups",
                "otherwise",
                "not-in-force",
                "report-findings",
                "milestones"),
            out)
        .flatMap(
            f -> {
              Optional<String> id = f.text("id");
              Optional<Slot> slot =
                  f.text("slot")
                      .flatMap(s -> oneOf(s, Slot.fromId(s), Slot.ids(), f.at("slot"), "slot"));
              Optional<LocalizedText> title = f.localized("title");
              Optional<LocalizedText> appliesMeans = f.localized("applies-means");
              var groups = new ArrayList<Element.Group>();
              for (Node g : f.list("groups", false)) {
                Fields.of(file, "group", g, Set.of("id", "label"), out)
                    .ifPresent(
                        gf -> {
                          Optional<String> gid = gf.text("id");
                          Optional<LocalizedText> label = gf.localized("label");
                          if (gid.isPresent() && label.isPresent()) {
                            groups.add(new Element.Group(gid.get(), label.get(), gf.origin()));
                          }
                        });
              }
              Optional<Element.DefaultOutcome> otherwise = defaultOutcome(file, f, "otherwise");
              Optional<Element.DefaultOutcome> notInForce = defaultOutcome(file, f, "not-in-force");
              var findings = new ArrayList<Element.ReportFinding>();
              for (Node rf : f.list("report-findings", false)) {
                Fields.of(file, "report finding", rf, Set.of("id", "summary", "sources"), out)
                    .ifPresent(
                        ff -> {
                          Optional<String> fid = ff.text("id");
                          Optional<LocalizedText> sum = ff.localized("summary");
                          List<SourceQuote> q = quotes(file, ff, "sources", true);
                          if (fid.isPresent() && sum.isPresent()) {
                            findings.add(
                                new Element.ReportFinding(fid.get(), sum.get(), q, ff.origin()));
                          }
                        });
              }
              var milestones = new ArrayList<Element.Milestone>();
              for (Node ms : f.list("milestones", false)) {
                Fields.of(file, "milestone", ms, Set.of("date", "what", "sources"), out)
                    .ifPresent(
                        mf -> {
                          Optional<PartialDate> date =
                              mf.text("date").flatMap(d -> partialDate(d, mf.at("date")));
                          Optional<LocalizedText> what = mf.localized("what");
                          List<SourceQuote> q = quotes(file, mf, "sources", true);
                          if (date.isPresent() && what.isPresent()) {
                            milestones.add(
                                new Element.Milestone(date.get(), what.get(), q, mf.origin()));
                          }
                        });
              }
              if (id.isEmpty()
                  || slot.isEmpty()
                  || title.isEmpty()
                  || appliesMeans.isEmpty()
                  || otherwise.isEmpty()
                  || notInForce.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Element(
                      id.get(),
                      slot.get(),
                      f.optionalText("letter-ref").orElse(""),
                      title.get(),
                      appliesMeans.get(),
                      groups,
                      otherwise.get(),
                      notInForce.get(),
                      findings,
                      milestones,
                      f.origin()));
            });
  }

  private Optional<Element.DefaultOutcome> defaultOutcome(String file, Fields parent, String key) {
    if (!parent.has(key)) {
      parent.text(key); // reports the missing key
      return Optional.empty();
    }
    return Fields.of(file, key, parent.node(key).get(), Set.of("outcome", "reason"), out)
        .flatMap(
            f -> {
              Optional<Outcome> outcome =
                  f.text("outcome").flatMap(o -> outcome(o, f.at("outcome")));
              Optional<LocalizedText> reason = f.localized("reason");
              return outcome.isPresent() && reason.isPresent()
                  ? Optional.of(new Element.DefaultOutcome(outcome.get(), reason.get(), f.origin()))
                  : Optional.empty();
            });
  }

  // ---- assumptions.yaml --------------------------------------------------------------------

  private Optional<Assumption> assumption(String file, YamlFile yaml, Node n) {
    return Fields.of(
            file,
            "assumption",
            n,
            Set.of("id", "kind", "type", "default", "statement", "alternatives", "sources"),
            out)
        .flatMap(
            f -> {
              Optional<String> id = f.text("id");
              Optional<Assumption.Kind> kind =
                  f.text("kind")
                      .flatMap(
                          k ->
                              oneOf(
                                  k,
                                  Assumption.Kind.fromId(k),
                                  List.of("assumption", "interpretation"),
                                  f.at("kind"),
                                  "kind"));
              Optional<Assumption.Type> type =
                  f.text("type")
                      .flatMap(
                          t ->
                              oneOf(
                                  t,
                                  Assumption.Type.fromId(t),
                                  Assumption.Type.ids(),
                                  f.at("type"),
                                  "assumption type"));
              Optional<String> def = f.text("default");
              Optional<LocalizedText> statement = f.localized("statement");
              var alternatives = new ArrayList<Assumption.Alternative>();
              for (Node a : f.list("alternatives", false)) {
                Fields.of(file, "alternative", a, Set.of("value", "reading"), out)
                    .ifPresent(
                        af ->
                            af.localized("reading")
                                .ifPresent(
                                    r ->
                                        alternatives.add(
                                            new Assumption.Alternative(
                                                af.optionalText("value"), r, af.origin()))));
              }
              List<SourceQuote> sources = quotes(file, f, "sources", false);
              if (id.isEmpty()
                  || kind.isEmpty()
                  || type.isEmpty()
                  || def.isEmpty()
                  || statement.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Assumption(
                      id.get(),
                      kind.get(),
                      type.get(),
                      def.get(),
                      statement.get(),
                      alternatives,
                      sources,
                      f.origin()));
            });
  }

  // ---- rules.yaml --------------------------------------------------------------------------

  private Optional<Definition> definition(String file, YamlFile yaml, Node n) {
    return Fields.of(file, "definition", n, Set.of("name", "when"), out)
        .flatMap(
            f -> {
              Optional<String> name = f.text("name");
              Optional<Condition> when = condition(yaml, f, "when");
              return name.isPresent() && when.isPresent()
                  ? Optional.of(new Definition(name.get(), when.get(), f.origin()))
                  : Optional.empty();
            });
  }

  private static final Set<String> VERSION_KEYS =
      Set.of("valid", "when", "outcome", "reason", "sources");

  private Optional<Rule> rule(String file, YamlFile yaml, Node n) {
    var keys =
        new java.util.HashSet<>(
            Set.of("id", "element", "group", "exception-to", "rests-on", "versions"));
    keys.addAll(VERSION_KEYS);
    return Fields.of(file, "rule", n, keys, out)
        .flatMap(
            f -> {
              Optional<String> id = f.text("id");
              Optional<String> element = f.text("element");
              var versions = new ArrayList<Rule.Version>();
              boolean inline = VERSION_KEYS.stream().anyMatch(f::has);
              if (f.has("versions") && inline) {
                out.error(
                    "mixed-versions",
                    f.at("versions"),
                    "rule: give either 'versions' or one version's keys ("
                        + String.join(", ", VERSION_KEYS)
                        + ") directly, not both");
              } else if (f.has("versions")) {
                List<Node> items = f.list("versions", true);
                if (items.isEmpty()) {
                  out.error("rule-without-versions", f.at("versions"), "rule: 'versions' is empty");
                }
                for (Node v : items) {
                  Fields.of(file, "rule version", v, VERSION_KEYS, out)
                      .flatMap(vf -> version(file, yaml, vf))
                      .ifPresent(versions::add);
                }
              } else {
                version(file, yaml, f).ifPresent(versions::add);
              }
              if (versions.isEmpty()) {
                // every way to end up without versions has reported its error above
                emptiedByErrors.add(f.at());
              }
              if (id.isEmpty() || element.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Rule(
                      id.get(),
                      element.get(),
                      f.optionalText("group"),
                      f.texts("exception-to"),
                      f.texts("rests-on"),
                      versions,
                      f.origin()));
            });
  }

  private Optional<Rule.Version> version(String file, YamlFile yaml, Fields f) {
    Optional<Validity> validity =
        f.has("valid") ? validity(file, f) : Optional.of(Validity.always(Origin.of(f.at())));
    Optional<Condition> when = condition(yaml, f, "when");
    Optional<Outcome> outcome = f.text("outcome").flatMap(o -> outcome(o, f.at("outcome")));
    Optional<LocalizedText> reason = f.localized("reason");
    List<SourceQuote> sources = quotes(file, f, "sources", true);
    if (validity.isEmpty() || when.isEmpty() || outcome.isEmpty() || reason.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Rule.Version(
            validity.get(), when.get(), outcome.get(), reason.get(), sources, f.origin()));
  }

  private Optional<Validity> validity(String file, Fields parent) {
    return Fields.of(file, "validity", parent.node("valid").get(), Set.of("from", "to"), out)
        .flatMap(
            f -> {
              Optional<Optional<DateRef>> from = dateRef(f, "from");
              Optional<Optional<DateRef>> to = dateRef(f, "to");
              return from.isPresent() && to.isPresent()
                  ? Optional.of(new Validity(from.get(), to.get(), f.origin()))
                  : Optional.empty();
            });
  }

  /** Empty when invalid (reported); a present empty value when the end is open. */
  private Optional<Optional<DateRef>> dateRef(Fields f, String key) {
    Optional<String> text = f.optionalText(key);
    if (text.isEmpty()) {
      return f.has(key) ? Optional.empty() : Optional.of(Optional.empty());
    }
    String t = text.get();
    if (t.startsWith("@")) {
      return Optional.of(Optional.of(new DateRef.FromAssumption(t.substring(1))));
    }
    return date(t, f.at(key)).map(d -> Optional.of(new DateRef.Fixed(d)));
  }

  /** Parses a condition; a syntax error is reported at its exact line and column. */
  private Optional<Condition> condition(YamlFile yaml, Fields f, String key) {
    Optional<ScalarNode> node = f.scalar(key);
    if (node.isEmpty()) {
      if (!f.has(key)) {
        f.text(key);
      }
      return Optional.empty();
    }
    var positions = new ScalarPositions(yaml, node.get());
    String text = node.get().getValue();
    try {
      Expr expr = ExpressionParser.parse(text);
      return Optional.of(new Condition(text, expr, positions::at));
    } catch (ExpressionSyntaxError e) {
      out.add(
          Diagnostic.error(
              "syntax-error",
              positions.at(e.offset()),
              "syntax error in condition: " + e.getMessage()));
      // Keep the definition or rule with a stand-in condition, so the rest of the pack is still
      // checked without follow-up errors ("unknown definition"); the pack is rejected anyway.
      return Optional.of(
          new Condition(text, new Expr.Literal(new Value.Bool(false), 0, 0), positions::at));
    }
  }

  // ---- values --------------------------------------------------------------------------------

  private Optional<LocalDate> date(String text, SourcePosition at) {
    if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return Optional.of(LocalDate.parse(text));
      } catch (DateTimeException e) {
        out.error("bad-date", at, "the date " + text + " does not exist");
        return Optional.empty();
      }
    }
    out.error(
        "bad-date",
        at,
        "expected a date written YYYY-MM-DD"
            + (text.startsWith("@") ? "" : " or @assumption-id")
            + ", found '"
            + text
            + "'");
    return Optional.empty();
  }

  private Optional<PartialDate> partialDate(String text, SourcePosition at) {
    Optional<PartialDate> d = PartialDate.parse(text);
    if (d.isEmpty()) {
      out.error(
          "bad-date",
          at,
          "expected a date YYYY-MM-DD, YYYY-MM or YYYY that exists, found '" + text + "'");
    }
    return d;
  }

  private Optional<Outcome> outcome(String text, SourcePosition at) {
    var ids = Outcome.declarable().stream().map(Outcome::id).toList();
    Optional<Outcome> o = Outcome.fromId(text).filter(Outcome.declarable()::contains);
    if (o.isEmpty()) {
      out.error(
          "unknown-outcome",
          at,
          "unknown outcome '"
              + text
              + "'"
              + NearestName.didYouMean(text, ids)
              + " (a pack names "
              + String.join(", ", ids)
              + ")");
    }
    return o;
  }

  private <T> Optional<T> oneOf(
      String text, Optional<T> value, List<String> valid, SourcePosition at, String what) {
    if (value.isEmpty()) {
      out.error(
          "unknown-value",
          at,
          "unknown "
              + what
              + " '"
              + text
              + "'"
              + NearestName.didYouMean(text, valid)
              + " (expected one of "
              + String.join(", ", valid)
              + ")");
    }
    return value;
  }

  /** SHA-256 over every pack file (path and bytes), so an assessment names exactly what it used. */
  private String contentHash() {
    try (Stream<Path> files = Files.walk(dir)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      List<Path> sorted =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !dir.relativize(p).startsWith("scenarios"))
              .sorted()
              .toList();
      for (Path p : sorted) {
        digest.update(
            dir.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(p));
        digest.update((byte) 0);
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      out.error(
          "unreadable",
          SourcePosition.ofFile(dir.toString()),
          "cannot read the pack to hash it: " + e.getMessage());
      return "sha256:unavailable";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
