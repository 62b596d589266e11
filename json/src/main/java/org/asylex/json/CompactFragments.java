package org.asylex.json;

import com.fasterxml.jackson.core.io.SerializedString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.asylex.engine.policy.Assumption;
import org.asylex.engine.policy.Element;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.text.LocalizedText;

/**
 * What {@link CompactWriter} writes again and again under one pack, written once: each engine
 * value's piece of compact JSON (a reference to pack content, or the content itself), the ids as
 * JSON strings, and the pack's elements and assumption types by id (the pack looks them up by a
 * search). Remembered per pack with its {@link CompactFindings.Dictionary}; bounded, since texts
 * the engine makes from facts need not repeat.
 */
final class CompactFragments {
  private static final int MOST = 4096;

  private final CompactFindings.Dictionary dictionary;
  private final Map<String, Element> elements = new LinkedHashMap<>();
  private final Map<String, Assumption.Type> types = new LinkedHashMap<>();
  private final Map<Object, SerializedString> pieces = new ConcurrentHashMap<>();
  private final Map<String, SerializedString> strings = new ConcurrentHashMap<>();

  CompactFragments(CompactFindings.Dictionary dictionary, PolicyPack pack) {
    this.dictionary = dictionary;
    for (Element e : pack.elements()) {
      elements.putIfAbsent(e.id(), e); // PolicyPack.element gives the first
    }
    for (Assumption a : pack.assumptions()) {
      types.putIfAbsent(a.id(), a.type());
    }
  }

  /** {@code PolicyPack.element}. */
  Optional<Element> element(String id) {
    return Optional.ofNullable(elements.get(id));
  }

  /** {@link AssessmentJson#typed}: a boolean assumption's value as a JSON boolean. */
  Object typed(String id, String value) {
    if (value != null
        && types.getOrDefault(id, Assumption.Type.TEXT) == Assumption.Type.BOOLEAN
        && (value.equals("true") || value.equals("false"))) {
      return Boolean.valueOf(value);
    }
    return value;
  }

  /** A text as the compact form writes it. */
  SerializedString text(LocalizedText t) {
    return piece(t, AssessmentJson::text);
  }

  /**
   * The compact JSON of {@code content} (made from {@code of}, which determines it): the reference
   * the dictionary gives it, or the content as JSON.
   */
  <T> SerializedString piece(T of, Function<T, Object> content) {
    SerializedString piece = pieces.get(of);
    if (piece == null) {
      String key = dictionary.refer(of, content);
      piece = new SerializedString(key != null ? ref(key) : Json.compact(content.apply(of)));
      if (pieces.size() < MOST) {
        pieces.put(of, piece);
      }
    }
    return piece;
  }

  /** A reference to pack content, as JSON. */
  static String ref(String key) {
    return Json.compact(Map.of("$", key));
  }

  /** A string, quoted and escaped once. */
  SerializedString string(String s) {
    SerializedString quoted = strings.get(s);
    if (quoted == null) {
      quoted = new SerializedString(s);
      if (strings.size() < MOST) {
        strings.put(s, quoted);
      }
    }
    return quoted;
  }

  /** Whether every value is at its place in {@code all}: the assessment uses every assumption. */
  static boolean allInOrder(String[] keys, List<Assumption> all) {
    if (keys.length == 0 || keys.length != all.size()) {
      return false;
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == null || !keys[i].equals("a/" + all.get(i).id())) {
        return false;
      }
    }
    return true;
  }
}
