package org.asylex.app.users;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * API tokens: {@code asx_<id>_<secret>}. The id (public, 16 hex digits) finds the account without
 * scanning every hash; the secret (256 random bits, base64url) is checked against a BCrypt hash, so
 * a copy of the database does not yield working tokens. Only the hash is stored; the token is shown
 * once when it is made.
 */
public final class ApiTokens {
  private static final Pattern TOKEN = Pattern.compile("asx_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  private final SecureRandom random;
  private final BCryptPasswordEncoder encoder;
  private final int cost;
  private volatile String standIn;
  private final java.util.concurrent.atomic.AtomicLong checks =
      new java.util.concurrent.atomic.AtomicLong();

  /** Tokens hashed with BCrypt at this cost (10 is Spring's default; tests may use 4). */
  public ApiTokens(int bcryptCost) {
    this.random = new SecureRandom();
    this.encoder = new BCryptPasswordEncoder(bcryptCost, random);
    this.cost = bcryptCost;
  }

  /** The BCrypt cost of new tokens. */
  public int cost() {
    return cost;
  }

  /**
   * A hash no token matches, of the cost of real ones: checking a token against it takes as long as
   * checking it against an account's hash (made once, on first use).
   */
  public String standInHash() {
    String hash = standIn;
    if (hash == null) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      hash = encoder.encode(java.util.Base64.getUrlEncoder().encodeToString(secret));
      standIn = hash;
    }
    return hash;
  }

  public ApiTokens() {
    this(10);
  }

  /** A new token: show {@link NewToken#token()} once, store only the id and the hash. */
  public record NewToken(String token, String id, String hash) {
    public NewToken {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(hash, "hash");
    }

    @Override
    public String toString() {
      return "NewToken[id=" + id + "]";
    }
  }

  public NewToken generate() {
    byte[] idBytes = new byte[8];
    byte[] secret = new byte[32];
    random.nextBytes(idBytes);
    random.nextBytes(secret);
    String id = HexFormat.of().formatHex(idBytes);
    String secretText = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new NewToken("asx_" + id + "_" + secretText, id, encoder.encode(secretText));
  }

  /** The id of a presented token, if it has the token's shape; nothing is checked yet. */
  public static Optional<String> idOf(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    var m = TOKEN.matcher(presented);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether the presented token's secret matches the stored hash. Slow on purpose (BCrypt). */
  public boolean matches(String presented, String storedHash) {
    var m = TOKEN.matcher(presented == null ? "" : presented);
    if (!m.matches() || storedHash == null) {
      return false;
    }
    checks.incrementAndGet();
    return encoder.matches(m.group(2), storedHash);
  }

  /** The BCrypt hash of a web sign-in password (checked by {@link #passwordMatches}). */
  public String hashPassword(String password) {
    return encoder.encode(password);
  }

  /**
   * Whether {@code password} matches {@code storedHash}; with no hash it is checked against the
   * stand-in hash, so that the answer takes as long whether or not the account has a password.
   */
  public boolean passwordMatches(String password, String storedHash) {
    checks.incrementAndGet();
    boolean matches = encoder.matches(password, storedHash == null ? standInHash() : storedHash);
    return storedHash != null && matches;
  }

  /** How many BCrypt checks {@link #matches} has run: the slow work a token check costs. */
  public long checksRun() {
    return checks.get();
  }

  /**
   * A fast fingerprint of a presented token, for a cache of tokens verified recently: never stored,
   * never logged.
   */
  public static String fingerprint(String presented) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(presented.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
