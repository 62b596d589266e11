package org.asylex.store;

/** What {@link Cases#importCase} did with one case. */
public enum ImportResult {
  /** The id was new: the case is stored at version 1. */
  CREATED("created"),
  /** A case with this id and the same facts (and reference, if one was given) was already there. */
  UNCHANGED("unchanged"),
  /** A case with this id but other facts or reference is there; it was left as it is. */
  EXISTS("exists");

  private final String id;

  ImportResult(String id) {
    this.id = id;
  }

  /** The word the command line prints: {@code created}, {@code unchanged}, {@code exists}. */
  public String id() {
    return id;
  }
}
