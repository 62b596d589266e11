package org.asylex.app.impact;

import org.asylex.engine.policy.SourceQuote;

/** A sentence of a source document behind a change, with the line it starts on. */
public record Quote(String document, int line, String text) {
  static Quote of(SourceQuote q) {
    return new Quote(q.document(), q.span().line(), q.quote());
  }
}
