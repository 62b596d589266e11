package org.asylex.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** The languages of the pages: Dutch by default, English on request (a cookie, set by a link). */
public enum Lang {
  NL("nl", Locale.forLanguageTag("nl-NL")),
  EN("en", Locale.ENGLISH);

  /** The cookie that keeps the choice; it holds nothing but the language code. */
  static final String COOKIE = "asylex-lang";

  private final String code;
  private final Locale locale;

  Lang(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** The other language, the one the switch offers. */
  public Lang other() {
    return this == NL ? EN : NL;
  }

  static Optional<Lang> fromCode(String code) {
    for (Lang lang : values()) {
      if (lang.code.equals(code)) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }

  /** The language the request asked for by its cookie; Dutch when none. */
  static Lang of(Context ctx) {
    return fromCode(ctx.cookie(COOKIE)).orElse(NL);
  }
}
