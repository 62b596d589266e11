package org.asylex.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson mapper of the product: the command line, the server, the store and the
 * application layer write and read JSON with it, so that a receipt written by one is byte for byte
 * what another writes. It has no Java time or {@code Optional} support on purpose: callers put
 * dates and times into trees as ISO-8601 strings and absent values as {@code null}, so the JSON is
 * exactly what the documents say.
 */
public final class Json {
  /** Shared and thread-safe; never reconfigure it. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** Two-space indent, {@code "key": value}, {@code \n} line ends, no final line end. */
  private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

  private Json() {}

  private static DefaultPrettyPrinter prettyPrinter() {
    var indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** A tree of maps, lists and scalars as compact JSON. */
  public static String compact(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A tree as JSON for a person to read (the form of {@code asylex assess --format json}). */
  public static String pretty(Object tree) {
    try {
      return PRETTY.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * JSON this product wrote (a stored receipt's findings, say) read back as a tree.
   *
   * @throws IllegalArgumentException when it is not JSON
   */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
