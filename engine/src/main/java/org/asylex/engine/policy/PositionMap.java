package org.asylex.engine.policy;

import org.asylex.engine.diagnostic.SourcePosition;

/** Maps a character offset in a condition's text to its place in the pack file. */
@FunctionalInterface
public interface PositionMap {
  SourcePosition at(int offset);
}
