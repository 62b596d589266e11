package org.asylex.store;

/** There is no user with the given name. */
public final class UserNotFound extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String name;

  public UserNotFound(String name) {
    super("there is no user '" + name + "'");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
