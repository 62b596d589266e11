package org.asylex.engine.assessment;

import java.util.List;

/**
 * One sub-condition of a rule with the value it had for the case: the explanation of a finding,
 * rendered alike by every front end.
 *
 * @param text the sub-condition as written in the pack (or a definition's name)
 */
public record TraceNode(String text, Tri value, List<TraceNode> children) {
  public TraceNode {
    children = List.copyOf(children);
  }
}
