package org.asylex.engine.text;

import java.util.Locale;
import java.util.Optional;

/** The languages every pack text is written in. */
public enum Language {
  NL,
  EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Language> fromCode(String code) {
    for (Language l : values()) {
      if (l.code().equals(code)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
