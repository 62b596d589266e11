package org.asylex.server.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens that failed their check lately, by fingerprint: presented again within the TTL, they are
 * refused without BCrypt. A failed token never becomes valid (a token is made by the server with
 * 256 random bits; an account once disabled stays so), so remembering a failure refuses nothing
 * that would pass. Bounded, least recently used first.
 */
final class RecentFailures {
  private final long ttlNanos;
  private final int max;
  private final Map<String, Long> until = new LinkedHashMap<>(64, 0.75f, true);

  RecentFailures(Duration ttl, int max) {
    this.ttlNanos = ttl.toNanos();
    this.max = max;
  }

  synchronized boolean contains(String fingerprint, long nanoNow) {
    Long end = until.get(fingerprint);
    if (end == null) {
      return false;
    }
    if (nanoNow - end >= 0) {
      until.remove(fingerprint);
      return false;
    }
    return true;
  }

  synchronized void add(String fingerprint, long nanoNow) {
    if (ttlNanos <= 0) {
      return;
    }
    until.put(fingerprint, nanoNow + ttlNanos);
    if (until.size() > max) {
      var eldest = until.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }
}
