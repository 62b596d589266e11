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
 * line, another server on the same database) is noticed by the {@link Authenticator}, which looks
 * the account of an entry up again (without BCrypt) once its last check is older than its recheck
 * time ({@link Entry#checked()}, {@link #checked}).
 */
public final class TokenCache {
  /** Room for this many tokens unless set: far more than there are users. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final Duration ttl;
  private final Clock clock;
  private final int maxEntries;
  private final LinkedHashMap<String, Entry> entries;
  private long generation;

  /**
   * A verified token.
   *
   * @param tokenId the public id of the token, to look its account up again
   * @param checked when the account was last found to hold the token and be active
   */
  public record Entry(Principal principal, String tokenId, Instant expires, Instant checked) {}

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
  public Optional<Principal> get(String fingerprint) {
    return entry(fingerprint).map(Entry::principal);
  }

  /** The entry of a token verified within the TTL, if any. */
  public synchronized Optional<Entry> entry(String fingerprint) {
    Entry entry = entries.get(fingerprint);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(fingerprint);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  /** Records that the entry's account was just found to still hold its token. */
  public synchronized void checked(String fingerprint) {
    entries.computeIfPresent(
        fingerprint,
        (fp, e) -> new Entry(e.principal(), e.tokenId(), e.expires(), clock.instant()));
  }

  /** Forgets one token: its account no longer holds it, or is disabled. */
  public synchronized void remove(String fingerprint) {
    entries.remove(fingerprint);
  }

  /** The time of the cache's clock. */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Remembers a verified token, unless an eviction happened since {@code generation} was taken (the
   * verification may have read the account before it was disabled).
   */
  public void put(String fingerprint, Principal principal, long generation) {
    put(fingerprint, principal, null, generation);
  }

  /**
   * Remembers a verified token with its id, so that its account can be looked up again ({@link
   * Entry#checked()}).
   */
  public synchronized void put(
      String fingerprint, Principal principal, String tokenId, long generation) {
    if (ttl.isZero() || generation != this.generation) {
      return;
    }
    Instant now = clock.instant();
    entries.put(fingerprint, new Entry(principal, tokenId, now.plus(ttl), now));
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
