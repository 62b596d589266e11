package org.asylex.store;

/**
 * The store could not do what was asked: the database is unreachable or failed, or a stored row is
 * unreadable. The subclasses are the failures a caller can act on.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
