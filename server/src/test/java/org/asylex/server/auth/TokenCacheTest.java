package org.asylex.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.asylex.app.users.Role;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  private static Principal user(String name) {
    return new Principal(name, Role.OFFICER, Principal.Via.API_TOKEN);
  }

  @Test
  void anEntryLastsItsTtl() {
    var cache = new TokenCache(Duration.ofSeconds(60), clock, 10);
    cache.put("fp", user("a"), cache.generation());
    now.set(now.get().plusSeconds(59));
    assertThat(cache.get("fp")).contains(user("a"));
    now.set(now.get().plusSeconds(1));
    assertThat(cache.get("fp")).isEmpty();
  }

  @Test
  void evictingAUserForgetsOnlyThatUsersTokens() {
    var cache = new TokenCache(Duration.ofSeconds(60), clock, 10);
    cache.put("a1", user("a"), cache.generation());
    cache.put("a2", user("a"), cache.generation());
    cache.put("b1", user("b"), cache.generation());
    cache.evictUser("a");
    assertThat(cache.get("a1")).isEmpty();
    assertThat(cache.get("a2")).isEmpty();
    assertThat(cache.get("b1")).contains(user("b"));
  }

  @Test
  void aVerificationThatStartedBeforeAnEvictionIsNotCached() {
    var cache = new TokenCache(Duration.ofSeconds(60), clock, 10);
    long before = cache.generation();
    cache.evictUser("a");
    cache.put("a1", user("a"), before);
    assertThat(cache.get("a1")).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedEntryGoesFirst() {
    var cache = new TokenCache(Duration.ofSeconds(60), clock, 2);
    cache.put("1", user("a"), cache.generation());
    cache.put("2", user("b"), cache.generation());
    assertThat(cache.get("1")).isPresent();
    cache.put("3", user("c"), cache.generation());
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("2")).isEmpty();
    assertThat(cache.get("1")).isPresent();
  }

  @Test
  void aZeroTtlCachesNothing() {
    var cache = new TokenCache(Duration.ZERO, clock, 2);
    cache.put("1", user("a"), cache.generation());
    assertThat(cache.get("1")).isEmpty();
  }
}
