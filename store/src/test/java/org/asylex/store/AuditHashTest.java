package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AuditHash against the encoding of ADR 0008 written out plainly here. */
class AuditHashTest {
  private static final Instant AT = Instant.parse("2026-03-01T09:15:00.123456Z");

  @Test
  void formatOneIsTheSha256OfTheFieldsEncoding() throws Exception {
    String prev = AuditHash.GENESIS;
    for (Optional<String> caseId :
        java.util.List.of(Optional.<String>empty(), Optional.of("C-1"))) {
      for (String actor : java.util.List.of("bench", "zoë’s office", "")) {
        assertThat(AuditHash.of(prev, 42, AT, actor, "case.assess", caseId))
            .isEqualTo(reference("asylex-audit/1", prev, 42, actor, "case.assess", caseId, null));
        prev = AuditHash.of(prev, 42, AT, actor, "case.assess", caseId);
      }
    }
  }

  @Test
  void formatTwoAddsTheSubject() throws Exception {
    assertThat(
            AuditHash.of(
                AuditHash.GENESIS, 7, AT, "admin", "user.create", Optional.empty(), "ﬁona"))
        .isEqualTo(
            reference(
                "asylex-audit/2",
                AuditHash.GENESIS,
                7,
                "admin",
                "user.create",
                Optional.empty(),
                "ﬁona"));
  }

  @Test
  void aKnownEventHasItsKnownHash() {
    // Computed with the encoding before the per-thread buffer (2026-12-05): the chain stays valid.
    assertThat(AuditHash.of(AuditHash.GENESIS, 1, AT, "bench", "case.list", Optional.of("C-1")))
        .isEqualTo(KNOWN);
  }

  static final String KNOWN = "a65c5d5866750965365789eb068a7c8b389d305d7d0cbb3ad22e89a248d4253c";

  private static String reference(
      String format,
      String prev,
      long seq,
      String actor,
      String action,
      Optional<String> caseId,
      String subject)
      throws Exception {
    var out = new ByteArrayOutputStream();
    field(out, format);
    field(out, prev);
    field(out, Long.toString(seq));
    field(out, "2026-03-01T09:15:00.123456Z");
    field(out, actor);
    field(out, action);
    if (caseId.isPresent()) {
      field(out, caseId.get());
    } else {
      out.write('-');
    }
    if (subject != null) {
      field(out, subject);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    out.write(':');
    out.writeBytes(bytes);
  }
}
