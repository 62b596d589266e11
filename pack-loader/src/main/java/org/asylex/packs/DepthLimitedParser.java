package org.asylex.packs;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Passes a parser's events on to the composer and stops, with {@link TooDeep}, at the first mapping
 * or list nested more than {@code maxDepth} levels deep: the composer builds nodes recursively, so
 * unbounded nesting would exhaust the stack.
 */
final class DepthLimitedParser implements Parser {
  /** Thrown at the first collection deeper than the limit. */
  static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Mark> mark;

    TooDeep(Optional<Mark> mark) {
      super("nested too deep", null, false, false);
      this.mark = mark;
    }

    Optional<Mark> mark() {
      return mark;
    }
  }

  private final Parser parser;
  private final int maxDepth;
  private int depth;

  DepthLimitedParser(Parser parser, int maxDepth) {
    this.parser = parser;
    this.maxDepth = maxDepth;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    switch (event.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (++depth > maxDepth) {
          throw new TooDeep(event.getStartMark());
        }
      }
      case MappingEnd, SequenceEnd -> depth--;
      default -> {
        // scalars, aliases, documents and the stream do not nest
      }
    }
    return event;
  }
}
