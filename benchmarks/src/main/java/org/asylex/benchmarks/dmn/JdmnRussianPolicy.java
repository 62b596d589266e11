package org.asylex.benchmarks.dmn;

import com.gs.dmn.dialect.JavaTimeDMNDialectDefinition;
import com.gs.dmn.log.NopBuildLogger;
import com.gs.dmn.runtime.ExecutionContext;
import com.gs.dmn.runtime.ExecutionContextBuilder;
import com.gs.dmn.serialization.DefaultTypeDeserializationConfigurer;
import com.gs.dmn.transformation.InputParameters;
import com.gs.dmn.transformation.NopDMNTransformer;
import com.gs.dmn.transformation.lazy.NopLazyEvaluationDetector;
import com.gs.dmn.transformation.template.TreeTemplateProvider;
import com.gs.dmn.validation.NopDMNValidator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * {@code dmn/ru-policy.dmn} in jDMN's compiled mode ({@code com.goldmansachs.jdmn}): jDMN's
 * transformer generates one Java class per decision (dialect {@link JavaTimeDMNDialectDefinition}:
 * {@code java.time} dates, {@code Number} numbers), which this class compiles in process with the
 * JDK's compiler and loads, together with a small generated adapter that calls the six element
 * decisions' typed {@code apply} methods (no reflection per case). One {@link ExecutionContext} per
 * case, as jDMN's own generated tests do.
 *
 * <p>jDMN's Maven plugin is not published for jDMN 9 (the newest plugin on Maven Central is 8.2.0),
 * so the code is generated and compiled when the peer is built (a few seconds, outside any
 * measurement) rather than at build time; the generated code is the same.
 */
public final class JdmnRussianPolicy implements DmnPeer {
  /** What the adapter generated beside jDMN's classes implements. */
  public interface Decisions {
    /** The six element decisions' results, in the order of ELEMENT_DECISIONS. */
    void apply(DmnCases c, int i, ExecutionContext context, Object[] out);
  }

  static final String PACKAGE = "org.asylex.benchmarks.jdmn";
  private static final Pattern APPLY =
      Pattern.compile(
          "public \\w+ apply\\(([^)]*), com\\.gs\\.dmn\\.runtime\\.ExecutionContext context_\\)");

  private final Decisions decisions;
  private final Object[] results = new Object[ELEMENT_DECISIONS.size()];

  private JdmnRussianPolicy(Decisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public String name() {
    return "jdmn";
  }

  @Override
  public void outcomes(DmnCases c, int i, int[] out) {
    decisions.apply(c, i, ExecutionContextBuilder.executionContext().build(), results);
    for (int e = 0; e < out.length; e++) {
      out[e] = DmnPeer.code(results[e]);
    }
  }

  /** Generates Java from the model with jDMN, compiles it in process and loads it. */
  public static JdmnRussianPolicy compile() {
    return compile(true);
  }

  /**
   * As {@link #compile()}; {@code caching}: jDMN's option that keeps a decision's result in the
   * case's {@link ExecutionContext} when several decisions require it (here the moratorium's
   * conditions, D >= C and "refuses or deserts").
   */
  public static JdmnRussianPolicy compile(boolean caching) {
    try {
      Path work = Files.createTempDirectory("asylex-jdmn-");
      try {
        Path model = work.resolve("dmn");
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(model);
        Files.createDirectories(classes);
        try (InputStream in = JdmnRussianPolicy.class.getClassLoader().getResourceAsStream(MODEL)) {
          if (in == null) {
            throw new IllegalStateException("no " + MODEL + " on the class path");
          }
          Files.copy(in, model.resolve("ru-policy.dmn"));
        }
        generate(model, sources, caching);
        Path pkg = sources.resolve(PACKAGE.replace('.', '/'));
        Files.writeString(pkg.resolve("Adapter.java"), adapter(pkg));
        javac(sources, classes);
        // the loader keeps reading classes from the directory: load them all before deleting it
        var loader =
            new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, JdmnRussianPolicy.class.getClassLoader());
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f :
              (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
            String name = classes.relativize(f).toString().replace(File.separatorChar, '.');
            Class.forName(name.substring(0, name.length() - ".class".length()), true, loader);
          }
        }
        Object adapter =
            loader.loadClass(PACKAGE + ".Adapter").getDeclaredConstructor().newInstance();
        return new JdmnRussianPolicy((Decisions) adapter);
      } finally {
        deleteTree(work);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the code jDMN generated", e);
    }
  }

  private static void generate(Path model, Path sources, boolean caching) {
    var params =
        new InputParameters(
            Map.of(
                "dmnVersion", "1.3",
                "modelVersion", "1.0",
                "platformVersion", "9.0.0",
                "javaRootPackage", PACKAGE,
                "onePackage", "true",
                "caching", Boolean.toString(caching)));
    new JavaTimeDMNDialectDefinition()
        .createDMNToNativeTransformer(
            new NopDMNValidator(),
            new NopDMNTransformer<>(),
            new TreeTemplateProvider(),
            new NopLazyEvaluationDetector(),
            new DefaultTypeDeserializationConfigurer(),
            params,
            new NopBuildLogger())
        .transform(model, sources);
  }

  /**
   * The adapter's source: for each element decision, a call of its typed {@code apply} with the
   * case's inputs in the order jDMN chose (read from the generated signature).
   */
  static String adapter(Path pkg) throws IOException {
    var sb = new StringBuilder();
    sb.append("package ").append(PACKAGE).append(";\n\n");
    sb.append("public final class Adapter implements ")
        .append(Decisions.class.getCanonicalName())
        .append(" {\n");
    var calls = new StringBuilder();
    for (int e = 0; e < ELEMENT_DECISIONS.size(); e++) {
      String decision = ELEMENT_DECISIONS.get(e);
      String type = Character.toUpperCase(decision.charAt(0)) + decision.substring(1);
      String source = Files.readString(pkg.resolve(type + ".java"));
      Matcher m = APPLY.matcher(source);
      if (!m.find()) {
        throw new IllegalStateException("no typed apply method in jDMN's " + type + ".java");
      }
      sb.append("  private final ").append(type).append(" e").append(e);
      sb.append(" = new ").append(type).append("();\n");
      calls.append("    out[").append(e).append("] = e").append(e).append(".apply(");
      for (String parameter : m.group(1).split(",")) {
        String[] words = parameter.trim().split(" ");
        calls.append(input(words[words.length - 1])).append(", ");
      }
      calls.append("context);\n");
    }
    sb.append("\n  @Override\n  public void apply(")
        .append(DmnCases.class.getCanonicalName())
        .append(" c, int i, com.gs.dmn.runtime.ExecutionContext context, Object[] out) {\n");
    return sb.append(calls).append("  }\n}\n").toString();
  }

  private static String input(String name) {
    int flag = DmnCases.BOOLEAN_INPUTS.indexOf(name);
    if (flag >= 0) {
      return "c.flags[" + flag + "][i]";
    }
    switch (name) {
      case "assessmentDate":
      case "dateOfBirth":
      case "gender":
      case "regionOfOrigin":
      case "militaryStatus":
        return "c." + name + "[i]";
      default:
        throw new IllegalStateException("jDMN's code asks for an unknown input '" + name + "'");
    }
  }

  private static void javac(Path sources, Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler: run the jDMN peer on a JDK");
    }
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn", "-proc:none"));
    args.add("-classpath");
    args.add(classPath());
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    var out = new ByteArrayOutputStream();
    int rc = compiler.run(null, out, out, args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException(
          "javac failed on jDMN's code:\n" + out.toString(StandardCharsets.UTF_8));
    }
  }

  /** The class path of this JVM plus the jars of the classes the generated code uses. */
  private static String classPath() {
    var entries = new ArrayList<String>();
    entries.add(System.getProperty("java.class.path"));
    for (Class<?> c :
        new Class<?>[] {DmnCases.class, ExecutionContext.class, javax.annotation.Generated.class}) {
      var source = c.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        continue; // not from a file: the class path above must have it
      }
      try {
        entries.add(Path.of(source.getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        // not a file URI: the class path above must have it
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
