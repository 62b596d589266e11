package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.asylex.engine.policy.PolicyPack;
import org.junit.jupiter.api.Test;

/**
 * {@link FactReader} (the fast path of a caseload, ADR 0028) against {@link CaseInput#validate}: it
 * takes a case only when validate takes it without an error, gives the same facts encoded the same,
 * and takes every plain valid case. Cases are generated, then some are mangled: every kind of value
 * validate reports, names given twice, out of order, unknown.
 */
class FactReaderProperties {
  static final LocalDate AS_OF = LocalDate.of(2023, 6, 15);

  /** Every type of fact: country, partial date, date, enum, boolean, region. */
  static final PolicyPack PACK = CaseInputTest.PACK;

  /** A name with the values it may be given, valid ones first. */
  private static final Map<String, List<Object>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("countryOfOrigin", List.of("XX", "XY", "xx", "X", "", true));
    VALUES.put(
        "born",
        List.of(
            "1990",
            "1990-05",
            "1990-05-17",
            "2023-06",
            "2023-06-15",
            "2024",
            "2023-07",
            "2023-06-16",
            "1990-00",
            "1990-13",
            "1990-02-30",
            "1990-05-00",
            "0000",
            "90",
            "1990/05/17",
            "1990-5-17",
            "２０２０",
            1990));
    VALUES.put(
        "arrived",
        List.of(
            "2020-01-31",
            "2023-06-15",
            "2020-02-29",
            "2021-02-29",
            "2020-01",
            "2020",
            "2023-06-16",
            "9999-12-31",
            "2020-01-32",
            false));
    VALUES.put("status", List.of("enlisted", "reserve", "none", "Enlisted", "", 3, true));
    VALUES.put("member", List.of(true, false, "true", 1));
    VALUES.put(
        "region",
        List.of("XX-AB", "XX-A", "XX-123", "xx-ab", "XX-ABCD", "XX_AB", "XXAB", "XX-", false));
  }

  private static final List<Object> ODD =
      List.of(
          new BigDecimal("1.5"),
          Map.of("a", "b"),
          List.of("x"),
          "a text of more than forty characters, which is shown by its length");

  /**
   * The raw facts of a case: pairs of name and value, in order; the reader sees them as they are.
   */
  record Pairs(List<String> names, List<Object> values) {
    Map<String, Object> map() {
      var m = new LinkedHashMap<String, Object>();
      for (int i = 0; i < names.size(); i++) {
        m.put(names.get(i), values.get(i));
      }
      return m;
    }

    boolean hasDuplicate() {
      return names.stream().distinct().count() < names.size();
    }
  }

  @Provide
  Arbitrary<Pairs> plainCases() {
    var names = new ArrayList<>(VALUES.keySet());
    return Combinators.combine(
            Arbitraries.integers().between(0, (1 << names.size()) - 1),
            Arbitraries.integers().between(0, 1 << 20).list().ofSize(names.size()))
        .as(
            (present, picks) -> {
              var n = new ArrayList<String>();
              var v = new ArrayList<Object>();
              n.add("countryOfOrigin");
              v.add("XX");
              for (int i = 1; i < names.size(); i++) {
                if ((present & (1 << i)) != 0) {
                  n.add(names.get(i));
                  v.add(valid(names.get(i), picks.get(i)));
                }
              }
              return new Pairs(n, v);
            });
  }

  /** A value validate takes (with null for "not established"). */
  private static Object valid(String name, int pick) {
    return switch (name) {
      case "born" -> pick % 11 == 0 ? null : bornIn(pick);
      case "arrived" -> LocalDate.of(2000, 1, 1).plusDays(pick % 8000).toString();
      case "status" -> List.of("enlisted", "reserve", "none").get(pick % 3);
      case "region" -> List.of("XX-AB", "XX-A1", "XX-123").get(pick % 3);
      default -> pick % 2 == 0;
    };
  }

  private static String bornIn(int pick) {
    var d = LocalDate.of(1940, 1, 1).plusDays(pick % 30000);
    return switch (pick % 3) {
      case 0 -> "" + d.getYear();
      case 1 -> d.toString().substring(0, 7);
      default -> d.toString();
    };
  }

  @Provide
  Arbitrary<Pairs> mangledCases() {
    var names = new ArrayList<>(VALUES.keySet());
    var pair =
        Combinators.combine(
                Arbitraries.integers().between(0, names.size() + 1),
                Arbitraries.integers().between(0, 99))
            .as(
                (which, pick) -> {
                  if (which == names.size()) {
                    return new Object[] {"unknownFact", true};
                  }
                  if (which == names.size() + 1) {
                    return new Object[] {names.get(pick % names.size()), ODD.get(pick % 4)};
                  }
                  String name = names.get(which);
                  List<Object> values = VALUES.get(name);
                  Object value = pick % 17 == 0 ? null : values.get(pick % values.size());
                  return new Object[] {name, value};
                });
    return pair.list()
        .ofMinSize(0)
        .ofMaxSize(10)
        .map(
            list -> {
              var n = new ArrayList<String>();
              var v = new ArrayList<Object>();
              for (Object[] p : list) {
                n.add((String) p[0]);
                v.add(p[1]);
              }
              return new Pairs(n, v);
            });
  }

  /** What the reader makes of the pairs: the facts, or null when it gives up. */
  private static CaseFacts read(FactReader reader, Pairs pairs) {
    reader.start();
    for (int i = 0; i < pairs.names().size(); i++) {
      if (!reader.fact(pairs.names().get(i), pairs.values().get(i))) {
        return null;
      }
    }
    return reader.finish();
  }

  private final FactReader reader = new FactReader(PACK, AS_OF);

  @Property(tries = 3000)
  void aPlainValidCaseIsTakenWithTheFactsValidateGives(@ForAll("plainCases") Pairs pairs) {
    CaseInput.Validated v = CaseInput.validate(PACK, pairs.map(), AS_OF, "/facts");
    assertThat(v.errors()).isEmpty();
    CaseFacts fast = read(reader, pairs);
    assertThat(fast).isNotNull();
    assertSame(fast, v.facts().orElseThrow());
  }

  @Property(tries = 5000)
  void aCaseIsTakenOnlyWhenValidateTakesIt(@ForAll("mangledCases") Pairs pairs) {
    CaseFacts fast = read(reader, pairs);
    if (pairs.hasDuplicate()) {
      // a JSON reader refuses a name given twice; the reader must leave it to that
      assertThat(fast).isNull();
      return;
    }
    CaseInput.Validated v = CaseInput.validate(PACK, pairs.map(), AS_OF, "/facts");
    if (fast != null) {
      assertThat(v.errors()).isEmpty();
      assertSame(fast, v.facts().orElseThrow());
    }
  }

  @Test
  void everyKindOfMangledValueIsLeftToValidate() {
    // each listed value after the valid ones gives validate an error, and the reader gives up
    int[] validCount = {1, 5, 3, 3, 2, 3};
    int k = 0;
    for (var e : VALUES.entrySet()) {
      List<Object> values = e.getValue();
      for (int i = validCount[k]; i < values.size(); i++) {
        var pairs =
            e.getKey().equals("countryOfOrigin")
                ? new Pairs(List.of(e.getKey()), List.of(values.get(i)))
                : new Pairs(List.of("countryOfOrigin", e.getKey()), List.of("XX", values.get(i)));
        assertThat(CaseInput.validate(PACK, pairs.map(), AS_OF, "").errors())
            .as(e.getKey() + " = " + values.get(i))
            .isNotEmpty();
        assertThat(read(reader, pairs)).as(e.getKey() + " = " + values.get(i)).isNull();
      }
      k++;
    }
  }

  @Test
  void aMissingOrNullCountryIsLeftToValidate() {
    assertThat(read(reader, new Pairs(List.of("member"), List.of(true)))).isNull();
    var nullCountry = new ArrayList<Object>();
    nullCountry.add(null);
    assertThat(read(reader, new Pairs(List.of("countryOfOrigin"), nullCountry))).isNull();
  }

  @Test
  void aDateAfterTheBoundIsLeftToValidateAndOneOnItIsTaken() {
    assertThat(
            read(
                reader,
                new Pairs(List.of("countryOfOrigin", "arrived"), List.of("XX", "2023-06-16"))))
        .isNull();
    CaseFacts on =
        read(reader, new Pairs(List.of("countryOfOrigin", "arrived"), List.of("XX", "2023-06-15")));
    assertThat(on).isNotNull();
    assertThat(on.get("arrived")).contains(AS_OF);
  }

  /** The same facts and the same encoding for the engine. */
  static void assertSame(CaseFacts fast, CaseFacts general) {
    assertThat(fast).isEqualTo(general);
    assertThat(fast.known()).isEqualTo(general.known());
    assertThat(fast.knownMask()).isEqualTo(general.knownMask());
    assertThat(fast.truthMask()).isEqualTo(general.truthMask());
    assertThat(fast.codes()).isEqualTo(general.codes());
    assertThat(fast.packable()).isEqualTo(general.packable());
  }
}
