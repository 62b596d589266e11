package org.asylex.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How a receipt's assumption values and findings are kept in {@code assessments.packed} (migration
 * V6): one format byte, then the two JSON texts (UTF-8), the assumption values first, separated by
 * a NUL byte (which JSON text never holds), compressed together with raw DEFLATE. Format 1 primes
 * the compressor with {@link #DICTIONARY_1}, the key names and words every assessment's JSON
 * repeats, so that even a short document compresses well. Format 2 (written since ADR 0027) primes
 * it with {@link #DICTIONARY_2}: two whole receipts as packed (generated cases of the shipped pack,
 * compact findings), so that most of a receipt is a few long matches: a quarter of format 1's
 * bytes, in less time. A format, once written, is never changed: a new dictionary is a new format
 * byte.
 */
final class FindingsPacking {
  static final byte FORMAT_1 = 1;

  static final byte FORMAT_2 = 2;

  /** Where format 2's preset dictionary is, and its SHA-256: never change it. */
  static final String DICTIONARY_2 = "findings-dictionary-2.bin";

  static final String DICTIONARY_2_SHA256 =
      "6bc6cae0f99ae928aeec44573de127d769e5ac42927305d502d1642042b53a09";

  private static final byte[] DICTIONARY_2_BYTES = dictionary2();

  private static byte[] dictionary2() {
    try (var in = FindingsPacking.class.getResourceAsStream(DICTIONARY_2)) {
      if (in == null) {
        throw new IllegalStateException("the findings dictionary " + DICTIONARY_2 + " is missing");
      }
      byte[] bytes = in.readAllBytes();
      String sha =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      if (!sha.equals(DICTIONARY_2_SHA256)) {
        throw new IllegalStateException(
            "the findings dictionary " + DICTIONARY_2 + " was changed (SHA-256 " + sha + ")");
      }
      return bytes;
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot read the findings dictionary " + DICTIONARY_2, e);
    }
  }

  /** Format 1's preset dictionary. Never change it: stored receipts are inflated with it. */
  static final String DICTIONARY_1 =
      "{\"format\":\"asylex-assessment/1\",\"asOf\":\"\",\"language\":null,\"policy\":{\"id\":\"\","
          + "\"country\":\"\",\"version\":\"\",\"title\":{\"nl\":\"\",\"en\":\"\"},\"contentHash\":"
          + "\"sha256:\"},\"notice\":{\"nl\":\"\",\"en\":\"\"},\"assumptions\":[{\"id\":\"\","
          + "\"kind\":\"interpretation\",\"type\":\"boolean\",\"value\":false,\"default\":true,"
          + "\"overridden\":false}],\"findings\":[{\"element\":\"\",\"title\":{\"$\":\"\"},"
          + "\"outcome\":\"applies\",\"does_not_apply\",\"individual_assessment\",\"undetermined\","
          + "\"appliesMeans\":{\"$\":\"\"},\"groups\":[],\"groupLabels\":{},\"missingFacts\":[],"
          + "\"imprecise\":[],\"reason\":{\"$\":\"\"},\"rule\":null,\"decidingRules\":[],"
          + "\"rulesInForce\":[{\"rule\":\"\",\"version\":1,\"versions\":1,\"validFrom\":\"20"
          + "\",\"validTo\":null,\"validFromAssumption\":null,\"validToAssumption\":null}],"
          + "\"sources\":[{\"$\":\"\"}],\"factsUsed\":{},\"assumptions\":[],\"assumptionValues\":"
          + "{}}],\"nextQuestions\":[{\"fact\":\"\",\"label\":{\"$\":\"\"},\"question\":{\"$\":"
          + "\"\"},\"elements\":[]}]}"
          // The notice every assessment carries (AssessmentJson.NOTICE when format 1 was made).
          + "{\"nl\":\"Dit zijn beleidsbevindingen die een beslissing ondersteunen; zij zijn niet"
          + " de beslissing. Een risicogroep betekent niet dat asiel wordt verleend.\",\"en\":"
          + "\"These are policy findings that support a decision; they are not the decision. A"
          + " risk group does not mean that asylum is granted.\"}";

  private static final byte[] DICTIONARY_1_BYTES = DICTIONARY_1.getBytes(StandardCharsets.UTF_8);

  private FindingsPacking() {}

  /** The two texts a receipt keeps packed. */
  record Texts(String assumptions, String findings) {}

  static byte[] pack(String assumptions, String findings) {
    return pack(
        assumptions.getBytes(StandardCharsets.UTF_8), findings.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #pack(String, String)} of the two texts given as UTF-8. */
  static byte[] pack(byte[] assumptionsUtf8, byte[] findingsUtf8) {
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    try {
      deflater.setDictionary(DICTIONARY_2_BYTES);
      // The three parts one after the other, without joining the texts into one first (the
      // findings may hold a character outside Latin-1, which made the joined text twice the size).
      Out out = OUT.get();
      out.length = 0;
      out.bytes[out.length++] = FORMAT_2;
      deflate(deflater, assumptionsUtf8, out);
      deflate(deflater, SEPARATOR, out);
      deflater.setInput(findingsUtf8);
      deflater.finish();
      while (!deflater.finished()) {
        out.deflate(deflater);
      }
      byte[] packed = java.util.Arrays.copyOf(out.bytes, out.length);
      if (out.bytes.length > 1 << 16) {
        OUT.remove(); // do not keep a rare large buffer per thread
      }
      return packed;
    } finally {
      deflater.reset();
    }
  }

  private static final byte[] SEPARATOR = {0};

  private static void deflate(Deflater deflater, byte[] input, Out out) {
    deflater.setInput(input);
    while (!deflater.needsInput()) {
      out.deflate(deflater);
    }
  }

  /** A growing output buffer, one per thread, reused for every receipt. */
  private static final class Out {
    byte[] bytes = new byte[8192];
    int length;

    void deflate(Deflater deflater) {
      if (length == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
      }
      length += deflater.deflate(bytes, length, bytes.length - length);
    }
  }

  private static final ThreadLocal<Out> OUT = ThreadLocal.withInitial(Out::new);

  /**
   * One compressor per thread, reset for each receipt: making and ending one per receipt (native
   * memory for its window) cost a third as much as compressing. Level 3 (zlib's fast matching):
   * with format 2's dictionary, receipts of generated cases packed to 305 bytes on average in about
   * 50 µs, against 269 bytes in about 75 µs at level 6 (and format 1: 1,478 bytes, about 65 µs at
   * level 6). The level is not part of the format: inflating does not depend on it.
   */
  static final int LEVEL = 3;

  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

  /**
   * @param what names the receipt in messages
   * @throws StoreException when the bytes are not findings this store packed
   */
  static Texts unpack(byte[] packed, String what) {
    if (packed.length < 1 || packed[0] != FORMAT_1 && packed[0] != FORMAT_2) {
      throw new StoreException(
          "the stored findings of "
              + what
              + " are in an unknown format ("
              + (packed.length < 1 ? "empty" : "format " + packed[0])
              + ")");
    }
    var inflater = new Inflater(true);
    try {
      // Raw DEFLATE has no header that asks for the dictionary: it is set before inflating.
      inflater.setDictionary(packed[0] == FORMAT_1 ? DICTIONARY_1_BYTES : DICTIONARY_2_BYTES);
      inflater.setInput(packed, 1, packed.length - 1);
      var out = new ByteArrayOutputStream(packed.length * 8);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new StoreException("the stored findings of " + what + " are cut short");
        }
        out.write(buffer, 0, n);
      }
      String both = out.toString(StandardCharsets.UTF_8);
      int nul = both.indexOf('\u0000');
      if (nul < 0) {
        throw new StoreException(
            "the stored findings of " + what + " are unreadable: no separator");
      }
      return new Texts(both.substring(0, nul), both.substring(nul + 1));
    } catch (DataFormatException e) {
      throw new StoreException(
          "the stored findings of " + what + " are unreadable: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
