package org.asylex.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How failed sign-ins are limited, before any password is checked. Per client address: {@value
 * #CLIENT_BURST} failures, then one more a second. Per account: {@value #ACCOUNT_BURST} failures,
 * then one more every {@value #ACCOUNT_REFILL_SECONDS} seconds, so a guesser gets few tries at one
 * account. The real user is never locked out: the per-account limit slows guessing without ever
 * closing the account, and a browser that has signed in to the account before (it holds a device id
 * this server gave it then) is not held by the account's limit at all, only by its own address's.
 */
final class SignInLimits {
  static final int CLIENT_BURST = 20;
  static final int ACCOUNT_BURST = 5;
  static final int ACCOUNT_REFILL_SECONDS = 30;
  private static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
  private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
  private final Map<String, String> devices = new ConcurrentHashMap<>();

  /** Failures spent, refilled at one per {@code refill}. */
  private record Bucket(double spent, Instant at) {}

  SignInLimits(Clock clock) {
    this.clock = clock;
  }

  /** Whether a sign-in may be tried now from {@code client} for {@code account}. */
  boolean allowed(String client, String account, String device) {
    Instant now = clock.instant();
    if (spent(clients, client, Duration.ofSeconds(1), now) >= CLIENT_BURST) {
      return false;
    }
    boolean knownDevice = device != null && account.equals(devices.get(device));
    return knownDevice
        || spent(accounts, account, Duration.ofSeconds(ACCOUNT_REFILL_SECONDS), now)
            < ACCOUNT_BURST;
  }

  /** Counts a failed sign-in against the client and the account. */
  void failed(String client, String account) {
    Instant now = clock.instant();
    spend(clients, client, Duration.ofSeconds(1), now);
    spend(accounts, account, Duration.ofSeconds(ACCOUNT_REFILL_SECONDS), now);
  }

  /** Remembers that {@code device} signed in to {@code account}. */
  void succeeded(String device, String account) {
    if (devices.size() >= MAX_ENTRIES) {
      devices.clear();
    }
    devices.put(device, account);
  }

  private static double spent(
      Map<String, Bucket> buckets, String key, Duration refill, Instant now) {
    Bucket b = buckets.get(key);
    if (b == null) {
      return 0;
    }
    double refilled = (double) Duration.between(b.at(), now).toMillis() / refill.toMillis();
    return Math.max(0, b.spent() - refilled);
  }

  private static void spend(Map<String, Bucket> buckets, String key, Duration refill, Instant now) {
    if (buckets.size() >= MAX_ENTRIES) {
      buckets.clear();
    }
    buckets.compute(
        key,
        (k, b) -> new Bucket(spent(b == null ? Map.of() : Map.of(k, b), k, refill, now) + 1, now));
  }
}
