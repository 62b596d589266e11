package org.asylex.web;

import org.asylex.app.Application;

/** Gives test accounts their password (a no-op until accounts have passwords). */
final class WebTestAccounts {
  private WebTestAccounts() {}

  static void setPassword(Application app, String name, String password) {}
}
