package org.asylex.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
    return HexFormat.of()
        .formatHex(sha256().digest(encode(FORMAT, prevHash, seq, at, actor, action, caseId)));
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
    var out = new ByteArrayOutputStream();
    out.writeBytes(encode(FORMAT_2, prevHash, seq, at, actor, action, caseId));
    field(out, subject);
    return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
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

  private static byte[] encode(
      String format,
      String prevHash,
      long seq,
      Instant at,
      String actor,
      String action,
      Optional<String> caseId) {
    var out = new ByteArrayOutputStream(256);
    field(out, format);
    field(out, prevHash);
    field(out, Long.toString(seq));
    field(out, Times.format(at));
    field(out, actor);
    field(out, action);
    if (caseId.isPresent()) {
      field(out, caseId.get());
    } else {
      out.write('-');
    }
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(':');
    out.writeBytes(bytes);
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
