package org.asylex.engine.policy;

import java.time.LocalDate;
import java.util.Map;
import org.asylex.engine.text.LocalizedText;

/**
 * A document a pack rests on, such as a letter to parliament, with its official identifiers and its
 * full text, byte for byte as published.
 *
 * @param file the path of the text inside the pack directory
 */
public record SourceDocument(
    String id,
    String file,
    LocalizedText title,
    LocalDate date,
    String author,
    Map<String, String> identifiers,
    String text,
    Origin origin) {
  public SourceDocument {
    identifiers = Map.copyOf(identifiers);
  }
}
