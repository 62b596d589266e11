package org.asylex.engine.text;

import java.util.Objects;

/** A text in Dutch and English; a pack gives both for every text a user sees. */
public record LocalizedText(String nl, String en) {
  public LocalizedText {
    Objects.requireNonNull(nl, "nl");
    Objects.requireNonNull(en, "en");
  }

  public String in(Language language) {
    return language == Language.NL ? nl : en;
  }
}
