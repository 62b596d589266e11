package org.asylex.server.auth;

/**
 * A protected route was called without a usable credential: none at all, or one that is malformed,
 * unknown, wrong, expired or of a disabled account. Answered 401 with {@code WWW-Authenticate}; the
 * detail never says which of these it was, so that guessing learns nothing.
 */
public final class Unauthenticated extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean credentialGiven;

  public Unauthenticated(boolean credentialGiven) {
    super(credentialGiven ? "the credential is not valid" : "no credential", null, false, false);
    this.credentialGiven = credentialGiven;
  }

  /** Whether an {@code Authorization} header was sent (then {@code error="invalid_token"}). */
  public boolean credentialGiven() {
    return credentialGiven;
  }

  /** The {@code WWW-Authenticate} header value of the answer. */
  public String challenge() {
    return credentialGiven
        ? "Bearer realm=\"asylex\", error=\"invalid_token\""
        : "Bearer realm=\"asylex\"";
  }
}
