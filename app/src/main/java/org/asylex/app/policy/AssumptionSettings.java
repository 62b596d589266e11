package org.asylex.app.policy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The assumption values a deployment sets: per pack, from a configuration file ({@code
 * assume.<PACK>.<id>=<value>}), and for whichever pack is used, from the command line ({@code
 * --assume id=value}, which wins).
 */
public record AssumptionSettings(
    Map<String, Map<String, String>> perPack, Map<String, String> forEveryPack) {
  public static final String CONFIG_PREFIX = "assume.";

  public AssumptionSettings {
    var copy = new TreeMap<String, Map<String, String>>();
    perPack.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    perPack = Map.copyOf(copy);
    forEveryPack = Map.copyOf(forEveryPack);
  }

  /** The packs' own defaults, nothing overridden. */
  public static AssumptionSettings none() {
    return new AssumptionSettings(Map.of(), Map.of());
  }

  /** The overrides for pack {@code packId}: its configured ones, with those for every pack over. */
  public Map<String, String> forPack(String packId) {
    var map = new LinkedHashMap<>(perPack.getOrDefault(packId, Map.of()));
    map.putAll(forEveryPack);
    return map;
  }

  /** These settings with {@code ID=VALUE} assignments for every pack over them. */
  public AssumptionSettings withAssignments(List<String> assignments) {
    var every = new LinkedHashMap<>(forEveryPack);
    for (String a : assignments) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--assume takes ID=VALUE, e.g. --assume some-date=2024-01-01; got '" + a + "'");
      }
      every.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return new AssumptionSettings(perPack, every);
  }

  /**
   * Reads a deployment configuration: Java properties, each {@code assume.<PACK>.<id>=<value>}.
   *
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static AssumptionSettings fromConfig(Path file) {
    var props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read configuration " + file + ": " + e.getMessage(), e);
    }
    var perPack = new TreeMap<String, Map<String, String>>();
    for (String key : new TreeMap<>(props).keySet().stream().map(Object::toString).toList()) {
      String rest = key.startsWith(CONFIG_PREFIX) ? key.substring(CONFIG_PREFIX.length()) : "";
      int dot = rest.indexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        throw new IllegalArgumentException(
            file
                + ": unknown setting '"
                + key
                + "' (expected assume.<PACK>.<assumption-id>=<value>)");
      }
      perPack
          .computeIfAbsent(rest.substring(0, dot).toUpperCase(Locale.ROOT), k -> new TreeMap<>())
          .put(rest.substring(dot + 1), props.getProperty(key).strip());
    }
    return new AssumptionSettings(perPack, Map.of());
  }
}
