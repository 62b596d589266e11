package org.asylex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Receipts are packed in format 2; those packed in format 1 (before ADR 0027) still unpack. */
class FindingsPackingTest {
  private static final String ASSUMPTIONS = "{\"in-force-date\":\"2023-06-08\"}";
  private static final String FINDINGS =
      "{\"compact\":\"asylex-receipt/1\",\"reason\":{\"nl\":\"de aanvrager’s «groep»\"}}";

  @Test
  void packs_in_format_2_and_unpacks_the_same_texts() {
    byte[] packed = FindingsPacking.pack(ASSUMPTIONS, FINDINGS);
    assertThat(packed[0]).isEqualTo(FindingsPacking.FORMAT_2);
    assertThat(FindingsPacking.unpack(packed, "r"))
        .isEqualTo(new FindingsPacking.Texts(ASSUMPTIONS, FINDINGS));
    assertThat(FindingsPacking.unpack(FindingsPacking.pack("{}", ""), "r"))
        .isEqualTo(new FindingsPacking.Texts("{}", ""));
  }

  @Test
  void a_long_text_needs_more_than_one_buffer_and_still_comes_back() {
    String findings = "{\"x\":\"" + "abcdefghij".repeat(20_000) + "\"}";
    var random = new java.util.Random(1);
    var noise = new StringBuilder("{\"y\":\"");
    for (int i = 0; i < 40_000; i++) {
      noise.append((char) ('a' + random.nextInt(26)));
    }
    String incompressible = noise.append("\"}").toString();
    for (String f : new String[] {findings, incompressible}) {
      assertThat(FindingsPacking.unpack(FindingsPacking.pack(ASSUMPTIONS, f), "r").findings())
          .isEqualTo(f);
    }
  }

  @Test
  void unpacks_format_1() {
    byte[] in = (ASSUMPTIONS + '\u0000' + FINDINGS).getBytes(StandardCharsets.UTF_8);
    var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setDictionary(FindingsPacking.DICTIONARY_1.getBytes(StandardCharsets.UTF_8));
    deflater.setInput(in);
    deflater.finish();
    var out = new ByteArrayOutputStream();
    out.write(FindingsPacking.FORMAT_1);
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    assertThat(FindingsPacking.unpack(out.toByteArray(), "r"))
        .isEqualTo(new FindingsPacking.Texts(ASSUMPTIONS, FINDINGS));
  }

  @Test
  void refuses_a_format_it_does_not_know() {
    byte[] packed = FindingsPacking.pack(ASSUMPTIONS, FINDINGS);
    packed[0] = 3;
    assertThatThrownBy(() -> FindingsPacking.unpack(packed, "assessment 'x'"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unknown format (format 3)");
  }
}
