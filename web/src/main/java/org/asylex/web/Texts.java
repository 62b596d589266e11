package org.asylex.web;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text of the pages, from the message bundles {@code org/asylex/web/messages*.properties}
 * (Dutch is the base bundle, English the {@code _en} one). A key missing from a bundle is a bug the
 * bundle test finds; at run time it shows as the key, never as an error page.
 */
public final class Texts {
  private static final String BUNDLE = "org.asylex.web.messages";
  private static final Map<Lang, Texts> ALL = load();

  private final Lang lang;
  private final ResourceBundle bundle;

  private Texts(Lang lang, ResourceBundle bundle) {
    this.lang = lang;
    this.bundle = bundle;
  }

  private static Map<Lang, Texts> load() {
    var all = new EnumMap<Lang, Texts>(Lang.class);
    for (Lang lang : Lang.values()) {
      all.put(
          lang,
          new Texts(
              lang,
              ResourceBundle.getBundle(
                  BUNDLE,
                  lang.locale(),
                  ResourceBundle.Control.getNoFallbackControl(
                      ResourceBundle.Control.FORMAT_PROPERTIES))));
    }
    return all;
  }

  public static Texts of(Lang lang) {
    return ALL.get(lang);
  }

  public Lang lang() {
    return lang;
  }

  /** The text for {@code key}, with {@code args} put in ({@link MessageFormat}) when given. */
  public String get(String key, Object... args) {
    String text;
    try {
      text = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? text : new MessageFormat(text, lang.locale()).format(args);
  }

  /** Whether the bundle has {@code key} (for optional texts such as a fact's help). */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The keys of this language's bundle, for the test that both bundles have the same. */
  java.util.Set<String> keys() {
    return bundle.keySet();
  }

  /** A text of a pack (a label, a question, a title) in {@code lang}. */
  public static String in(org.asylex.engine.text.LocalizedText text, Lang lang) {
    return text == null
        ? ""
        : text.in(
            lang == Lang.EN
                ? org.asylex.engine.text.Language.EN
                : org.asylex.engine.text.Language.NL);
  }
}
