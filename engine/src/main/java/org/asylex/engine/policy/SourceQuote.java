package org.asylex.engine.policy;

import org.asylex.engine.diagnostic.SourcePosition;
import org.asylex.engine.source.TextSpan;

/**
 * A verbatim sentence of a source document and where it was found in it.
 *
 * @param document the id of the source document
 * @param span where the quote stands in the document: offsets, line and column
 * @param origin where the pack cites it
 */
public record SourceQuote(String document, String quote, TextSpan span, SourcePosition origin) {}
