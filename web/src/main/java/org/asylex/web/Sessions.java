package org.asylex.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.asylex.app.users.Role;

/**
 * Browser sessions, kept in this server's memory only: a session id is 256 random bits, given at
 * sign-in (never before, so an id planted in a browser before sign-in is worthless), ended by
 * sign-out on the server, after {@code idle} without a request, and {@code absolute} after sign-in
 * however busy. Each session has its own CSRF token, which every form carries.
 */
final class Sessions {
  /**
   * A signed-in browser.
   *
   * @param external signed in at the OpenID Connect provider ({@code oidc:<sub>}): no local account
   *     to check on each request
   */
  record Session(
      String id, String name, Role role, String csrf, Instant started, boolean external) {}

  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idle;
  private final Duration absolute;

  private static final class Entry {
    final Session session;
    volatile Instant lastSeen;

    Entry(Session session, Instant lastSeen) {
      this.session = session;
      this.lastSeen = lastSeen;
    }
  }

  Sessions(Clock clock, Duration idle, Duration absolute) {
    this.clock = clock;
    this.idle = idle;
    this.absolute = absolute;
  }

  /** 256 random bits, base64url: for session ids, CSRF tokens and device ids. */
  String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A new session for the account; the caller ends the browser's previous one, if any. */
  Session start(String name, Role role) {
    return start(name, role, false);
  }

  /** A new session, {@code external} for a person the OIDC provider vouched for. */
  Session start(String name, Role role, boolean external) {
    Instant now = clock.instant();
    Session session = new Session(randomToken(), name, role, randomToken(), now, external);
    sessions.put(session.id(), new Entry(session, now));
    sweep(now);
    return session;
  }

  /** The live session with this id, touched; an expired one is ended and not found. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Entry entry = sessions.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(entry, now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    entry.lastSeen = now;
    return Optional.of(entry.session);
  }

  void end(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  int count() {
    return sessions.size();
  }

  private boolean expired(Entry entry, Instant now) {
    return !now.isBefore(entry.lastSeen.plus(idle))
        || !now.isBefore(entry.session.started().plus(absolute));
  }

  /** Forgets expired sessions, so that abandoned browsers do not pile up. */
  private void sweep(Instant now) {
    sessions.values().removeIf(entry -> expired(entry, now));
  }

  /** Compares two tokens in time that does not depend on where they differ. */
  static boolean same(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
