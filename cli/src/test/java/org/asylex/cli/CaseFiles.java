package org.asylex.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Files of valid RU cases in the import format, exactly as {@code case export} writes them (compact
 * JSON; keys id, reference when there is one, facts; facts in a fixed order), so that an export of
 * the whole file equals the file.
 */
final class CaseFiles {
  private static final String[] GENDERS = {"female", "male", "x"};
  private static final String[] REGIONS = {"RU-CE", "RU-IN", "RU-DA", "RU-MOW", "RU-SPE", "RU-TA"};
  private static final String[] MILITARY = {"conscript", "reservist", "contractSoldier", "none"};
  private static final String[] BOOLEANS = {
    "refusesMilitaryService",
    "desertion",
    "fearsMobilisation",
    "politicalActivist",
    "humanRightsActivist",
    "activeInJournalism",
    "criticisesAuthorities",
    "criticismSignificant",
    "lawyerInPoliticallySensitiveCases",
    "ngoWorkerSeenAsCritical",
    "lgbti",
    "fearsDomesticOrSexualViolence",
    "concreteIndicationsSettleElsewhere"
  };

  private CaseFiles() {}

  /** The id of case number {@code i} (1-based): {@code C-000001}; ids sort as numbers do. */
  static String id(int i) {
    return String.format("C-%06d", i);
  }

  /** Writes {@code n} cases, the same ones for the same seed. */
  static void write(Path file, int n, long seed) throws IOException {
    var random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 1; i <= n; i++) {
        out.write(line(i, random));
        out.write('\n');
      }
    }
  }

  /** One case line. */
  static String line(int i, SplittableRandom random) {
    var sb = new StringBuilder(400);
    sb.append("{\"id\":\"").append(id(i)).append('"');
    if (i % 10 == 0) {
      sb.append(",\"reference\":\"REF ").append(i).append('"');
    }
    sb.append(",\"facts\":{\"countryOfOrigin\":\"RU\"");
    int year = 1950 + random.nextInt(56);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(28);
    switch (random.nextInt(4)) {
      case 0 -> sb.append(",\"dateOfBirth\":\"").append(year).append('"');
      case 1 -> sb.append(String.format(",\"dateOfBirth\":\"%d-%02d\"", year, month));
      case 2 -> sb.append(String.format(",\"dateOfBirth\":\"%d-%02d-%02d\"", year, month, day));
      default -> {}
    }
    if (random.nextInt(5) > 0) {
      sb.append(",\"gender\":\"").append(GENDERS[random.nextInt(GENDERS.length)]).append('"');
    }
    if (random.nextInt(3) > 0) {
      sb.append(",\"regionOfOrigin\":\"").append(REGIONS[random.nextInt(REGIONS.length)]);
      sb.append('"');
    }
    if (random.nextInt(3) > 0) {
      sb.append(",\"militaryStatus\":\"").append(MILITARY[random.nextInt(MILITARY.length)]);
      sb.append('"');
    }
    for (String fact : BOOLEANS) {
      if (random.nextInt(3) > 0) {
        sb.append(",\"").append(fact).append("\":").append(random.nextBoolean());
      }
    }
    sb.append("}}");
    return sb.toString();
  }
}
