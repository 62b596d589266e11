package org.asylex.web;

import org.asylex.app.Application;

/** Gives test accounts their password, as {@code asylex user password} does. */
final class WebTestAccounts {
  private WebTestAccounts() {}

  static void setPassword(Application app, String name, String password) {
    app.accounts().setPassword(name, password, "test-setup");
  }
}
