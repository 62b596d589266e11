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
 * format name, so a future change of fields gets a new name. See {@code
 * docs/adr/0008-audit-hash-chain.md}.
 */
final class AuditHash {
  static final String FORMAT = "asylex-audit/1";

  /** The "previous hash" of the first event. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  static String of(
      String prevHash, long seq, Instant at, String actor, String action, Optional<String> caseId) {
    var out = new ByteArrayOutputStream();
    field(out, FORMAT);
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
    return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
  }

  static String of(AuditEvent e) {
    return of(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.caseId());
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(':');
    out.writeBytes(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
