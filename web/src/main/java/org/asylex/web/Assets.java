package org.asylex.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The files the pages load: the NL Design System component CSS and theme tokens (unpacked from
 * their npm tarballs by the build), htmx (from its WebJar), and Asylex's own stylesheet. Only these
 * paths are served, read once into memory; nothing is looked up by a name from the request.
 */
final class Assets {
  /** One file: its bytes and content type. */
  record Asset(byte[] bytes, String contentType) {}

  static final String COMPONENTS = "/assets/nlds/components.css";
  static final String THEME = "/assets/nlds/theme.css";
  static final String HTMX = "/assets/htmx.min.js";
  static final String OWN_CSS = "/assets/asylex.css";

  private static final String CSS = "text/css; charset=utf-8";
  private final Map<String, Asset> files;

  private Assets(Map<String, Asset> files) {
    this.files = files;
  }

  /** The files, with the theme's tokens taken from {@code config} when it names its own. */
  static Assets load(WebConfig config) {
    Properties versions = new Properties();
    try (InputStream in = resource("versions.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var files = new LinkedHashMap<String, Asset>();
    files.put(COMPONENTS, new Asset(read("assets/utrecht-css/package/dist/index.css"), CSS));
    byte[] theme;
    if (config.themeCss().isPresent()) {
      try {
        theme = Files.readAllBytes(config.themeCss().get());
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read the theme's CSS " + config.themeCss().get() + ": " + e.getMessage(), e);
      }
    } else {
      theme = read("assets/utrecht-tokens/package/dist/index.css");
    }
    files.put(THEME, new Asset(theme, CSS));
    files.put(OWN_CSS, new Asset(read("assets/asylex.css"), CSS));
    files.put(
        HTMX,
        new Asset(
            readAbsolute(
                "META-INF/resources/webjars/htmx.org/"
                    + versions.getProperty("htmx")
                    + "/dist/htmx.min.js"),
            "text/javascript; charset=utf-8"));
    return new Assets(Map.copyOf(files));
  }

  private static InputStream resource(String name) {
    InputStream in = Assets.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          "the web UI's file " + name + " is missing from the build (run ./mvnw package)");
    }
    return in;
  }

  private static byte[] read(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAbsolute(String name) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the web UI's file " + name + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Asset> files() {
    return files;
  }

  /** Serves a file; public and cacheable, since none holds case data. */
  static void serve(Context ctx, Asset asset) {
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }
}
