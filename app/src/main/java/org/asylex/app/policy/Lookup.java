package org.asylex.app.policy;

import java.util.List;
import org.asylex.engine.policy.PolicyPack;

/** A pack looked up by id or country: found, not there, or there but unusable, with why. */
public sealed interface Lookup {
  /** The pack, loaded and checked. */
  record Found(PolicyPack pack) implements Lookup {}

  /** No pack has that id or country. */
  record Missing() implements Lookup {}

  /**
   * A pack is there but cannot be used: it has errors, or another pack claims the same id or
   * country.
   *
   * @param problems each as {@code file:line:col: message} where known
   */
  record Unusable(List<String> problems) implements Lookup {
    public Unusable {
      problems = List.copyOf(problems);
    }
  }
}
