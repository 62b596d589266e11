package org.asylex.store;

/** A user was added with a name that is already taken. Nothing was stored. */
public final class UserAlreadyExists extends StoreException {
  private static final long serialVersionUID = 1L;

  private final String name;

  public UserAlreadyExists(String name) {
    super("user '" + name + "' already exists");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
