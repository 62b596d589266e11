package org.asylex.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;

/**
 * API tokens verified recently, so that BCrypt (tens of milliseconds on purpose) runs once per
 * token per {@code ttl} rather than on every request. Keyed by {@link
 * org.asylex.app.users.ApiTokens#fingerprint}, never the token. Bounded: the least recently used
 * entry goes first.
 *
 * <p>Revocation: disabling or re-tokening a user through the API evicts that user's entries at once
 * ({@link #evictUser}); a verification that was in flight meanwhile is not cached, because {@link
 * #put} refuses entries verified before the last eviction. A change made elsewhere (the command
 * line, another server on the same database) takes effect within {@code ttl}.
 */
public final class TokenCache {
  /** Room for this many tokens unless set: far more than there are users. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final Duration ttl;
  private final Clock clock;
  private final int maxEntries;
  private final LinkedHashMap<String, Entry> entries;
  private long generation;

  private record Entry(Principal principal, Instant expires) {}

  /**
   * @param ttl how long a verified token is trusted; zero turns the cache off
   * @param maxEntries the most tokens remembered
   */
  public TokenCache(Duration ttl, Clock clock, int maxEntries) {
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("the cache needs room for one entry");
    }
    this.maxEntries = maxEntries;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** A mark to pass to {@link #put}: taken before the slow verification starts. */
  public synchronized long generation() {
    return generation;
  }

  /** The principal of a token verified within the TTL, if any. */
  public synchronized Optional<Principal> get(String fingerprint) {
    Entry entry = entries.get(fingerprint);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(fingerprint);
      return Optional.empty();
    }
    return Optional.of(entry.principal());
  }

  /**
   * Remembers a verified token, unless an eviction happened since {@code generation} was taken (the
   * verification may have read the account before it was disabled).
   */
  public synchronized void put(String fingerprint, Principal principal, long generation) {
    if (ttl.isZero() || generation != this.generation) {
      return;
    }
    entries.put(fingerprint, new Entry(principal, clock.instant().plus(ttl)));
    if (entries.size() > maxEntries) {
      Iterator<String> eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /** Forgets every token of this user, at once. */
  public synchronized void evictUser(String name) {
    generation++;
    entries.values().removeIf(e -> e.principal().name().equals(name));
  }

  /** How many tokens are remembered now (tests). */
  public synchronized int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return "TokenCache[ttl=" + ttl + ", max=" + maxEntries + "]";
  }
}
