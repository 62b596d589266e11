package org.asylex.app;

import java.util.Objects;

/** A use case refused: {@link #refusal()} says why, as data. */
public final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  public Refused(Refusal refusal) {
    super(Objects.requireNonNull(refusal, "refusal").message(), null, false, false);
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
