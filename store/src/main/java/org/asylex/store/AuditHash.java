package org.asylex.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * The hash of an audit event: SHA-256, in lower-case hex, over a canonical encoding of the previous
 * event's hash and this event's fields. Each field is written as its UTF-8 byte length in decimal,
 * a colon and the bytes; an absent case id as a single {@code -}. The encoding starts with the
 * format name, so a change of fields gets a new name: format 1 ({@value #FORMAT}) has no subject;
 * format 2 ({@value #FORMAT_2}) adds the subject after the case id, for the events that have one.
 * See {@code docs/adr/0008-audit-hash-chain.md}.
 */
final class AuditHash {
  static final String FORMAT = "asylex-audit/1";

  /** The format of events with a subject: format 1's fields, then the subject. */
  static final String FORMAT_2 = "asylex-audit/2";

  /** The "previous hash" of the first event. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  /** The hash of an event in format 1: no subject. */
  static String of(
      String prevHash, long seq, Instant at, String actor, String action, Optional<String> caseId) {
    return hash(encode(FORMAT, prevHash, seq, at, actor, action, caseId));
  }

  /** The hash of an event in format 2: format 1's fields, then the subject. */
  static String of(
      String prevHash,
      long seq,
      Instant at,
      String actor,
      String action,
      Optional<String> caseId,
      String subject) {
    Encoding out = encode(FORMAT_2, prevHash, seq, at, actor, action, caseId);
    out.field(subject);
    return hash(out);
  }

  /**
   * The hash of a stored event, in its format.
   *
   * @throws IllegalArgumentException for a format that does not exist, or a subject in format 1 or
   *     none in format 2
   */
  static String of(AuditEvent e) {
    if (e.format() == 1 && e.subject().isEmpty()) {
      return of(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.caseId());
    }
    if (e.format() == 2 && e.subject().isPresent()) {
      return of(
          e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.caseId(), e.subject().get());
    }
    throw new IllegalArgumentException(
        "format " + e.format() + (e.subject().isPresent() ? " with" : " without") + " a subject");
  }

  /** The encoding of an event's fields in this thread's reused buffer. */
  private static Encoding encode(
      String format,
      String prevHash,
      long seq,
      Instant at,
      String actor,
      String action,
      Optional<String> caseId) {
    Encoding out = ENCODING.get();
    out.length = 0;
    out.field(format);
    out.field(prevHash);
    out.field(Long.toString(seq));
    out.field(Times.format(at));
    out.field(actor);
    out.field(action);
    if (caseId.isPresent()) {
      out.field(caseId.get());
    } else {
      out.put((byte) '-');
    }
    return out;
  }

  /**
   * A growing byte buffer, one per thread: each field its UTF-8 length in decimal, a colon and its
   * bytes.
   */
  private static final class Encoding {
    byte[] bytes = new byte[512];
    int length;

    void put(byte b) {
      room(1);
      bytes[length++] = b;
    }

    void field(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      digits(utf8.length);
      put((byte) ':');
      room(utf8.length);
      System.arraycopy(utf8, 0, bytes, length, utf8.length);
      length += utf8.length;
    }

    /** A length in decimal. */
    private void digits(int n) {
      int width = 1;
      for (int rest = n / 10; rest > 0; rest /= 10) {
        width++;
      }
      room(width);
      for (int i = length + width - 1, rest = n; i >= length; i--, rest /= 10) {
        bytes[i] = (byte) ('0' + rest % 10);
      }
      length += width;
    }

    private void room(int n) {
      if (length + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
    }
  }

  private static final ThreadLocal<Encoding> ENCODING = ThreadLocal.withInitial(Encoding::new);

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** SHA-256 of the encoding, in lower-case hex. */
  private static String hash(Encoding in) {
    MessageDigest digest = sha256();
    digest.update(in.bytes, 0, in.length);
    byte[] d = digest.digest();
    byte[] hex = new byte[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      hex[2 * i] = HEX[(d[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX[d[i] & 0xf];
    }
    if (in.bytes.length > 1 << 16) {
      ENCODING.remove(); // do not keep a rare large buffer per thread
    }
    return new String(hex, StandardCharsets.US_ASCII);
  }

  /**
   * One digest per thread, reset by each {@code digest} call: looking up the provider for every
   * event cost about as much as hashing it.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  private static MessageDigest sha256() {
    MessageDigest digest = SHA_256.get();
    digest.reset();
    return digest;
  }
}
