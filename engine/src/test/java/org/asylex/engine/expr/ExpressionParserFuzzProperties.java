package org.asylex.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Whatever the text, the parser either returns a well-formed tree or throws a positioned {@link
 * ExpressionSyntaxError}; nothing else (no stack overflow, no number format or index exception).
 */
class ExpressionParserFuzzProperties {

  /** The conditions of policies/ru/rules.yaml, as the loader hands them to the parser. */
  static final List<String> RU_CONDITIONS =
      List.of(
          "militaryStatus = 'conscript' and (refusesMilitaryService or desertion)\n"
              + "and age(dateOfBirth) >= 18\n"
              + "and ((not @moratorium-age-27-included and age(dateOfBirth) < 27)\n"
              + "or (@moratorium-age-27-included and age(dateOfBirth) <= 27))",
          "gender = 'female' and regionOfOrigin in ['RU-CE', 'RU-IN', 'RU-DA']\n"
              + "and fearsDomesticOrSexualViolence",
          "moratoriumGroup",
          "militaryStatus = 'conscript' or refusesMilitaryService or desertion",
          "fearsMobilisation",
          "(politicalActivist or humanRightsActivist or activeInJournalism)\n"
              + "and criticisesAuthorities and criticismSignificant",
          "(politicalActivist or humanRightsActivist or activeInJournalism)\n"
              + "and criticisesAuthorities",
          "lawyerInPoliticallySensitiveCases",
          "womanFromNorthCaucasusFearingViolence",
          "lgbti",
          "assessmentDate >= 2023-06-08 and assessmentDate < @in-force-date",
          "age(dateOfBirth) != 27 and \"x\" = 'y' and not true and false");

  /** Characters a mutation inserts or substitutes: the language's own, and some foreign ones. */
  private static final String MUTATION_CHARS =
      "()[],'\"=!<>@-_ aAzZ09\n\t\r\u0000\u001f\u00a0\u2003é«»\u200b\uD83D\uDE00\uFFFF";

  // ---------------------------------------------------------------------------------------------
  // The property

  private static void parsesOrFailsWithAPositionedError(String text) {
    Expr expr;
    try {
      expr = ExpressionParser.parse(text);
    } catch (ExpressionSyntaxError e) {
      assertThat(e.offset()).as("offset of <%s>", text).isBetween(0, text.length());
      assertThat(e.length()).as("length of the error in <%s>", text).isPositive();
      assertThat(e.getMessage()).as("message for <%s>", text).isNotBlank();
      return;
    } catch (Throwable t) {
      fail("parsing <" + abbreviated(text) + "> threw " + t + " instead of a syntax error", t);
      return;
    }
    assertWellFormed(expr, text, 0, text.length());
    String outside = text.substring(0, expr.start()) + text.substring(expr.end());
    assertThat(outside.chars().allMatch(c -> Character.isWhitespace(c) || c == '(' || c == ')'))
        .as("only whitespace and parentheses lie outside the parsed condition <%s>", text)
        .isTrue();
  }

  /** Every node spans a non-empty part of its parent, and operands follow each other in order. */
  private static void assertWellFormed(Expr e, String text, int from, int to) {
    assertThat(e.start()).as("start of %s in <%s>", e, text).isBetween(from, to);
    assertThat(e.end()).as("end of %s in <%s>", e, text).isBetween(e.start() + 1, to);
    int previousEnd = e.start();
    for (Expr child : children(e)) {
      assertThat(child.start())
          .as("%s starts after its previous sibling in <%s>", child, text)
          .isGreaterThanOrEqualTo(previousEnd);
      assertWellFormed(child, text, e.start(), e.end());
      previousEnd = child.end();
    }
  }

  private static List<Expr> children(Expr e) {
    return e.accept(CHILDREN);
  }

  /** The sub-expressions of each kind of expression, in text order. */
  private static final Expr.Visitor<List<Expr>> CHILDREN =
      new Expr.Visitor<>() {
        @Override
        public List<Expr> name(Expr.Name name) {
          return List.of();
        }

        @Override
        public List<Expr> assumption(Expr.AssumptionRef assumption) {
          return List.of();
        }

        @Override
        public List<Expr> assessmentDate(Expr.AssessmentDate date) {
          return List.of();
        }

        @Override
        public List<Expr> literal(Expr.Literal literal) {
          return List.of();
        }

        @Override
        public List<Expr> not(Expr.Not not) {
          return List.of(not.operand());
        }

        @Override
        public List<Expr> and(Expr.And and) {
          return and.operands();
        }

        @Override
        public List<Expr> or(Expr.Or or) {
          return or.operands();
        }

        @Override
        public List<Expr> compare(Expr.Compare compare) {
          return List.of(compare.left(), compare.right());
        }

        @Override
        public List<Expr> in(Expr.In in) {
          var all = new java.util.ArrayList<Expr>();
          all.add(in.value());
          all.addAll(in.options());
          return all;
        }

        @Override
        public List<Expr> call(Expr.Call call) {
          return call.arguments();
        }
      };

  private static String abbreviated(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
  }

  // ---------------------------------------------------------------------------------------------
  // (a) arbitrary strings

  @Property(tries = 3000)
  void anyTextParsesOrFailsWithAPositionedSyntaxError(@ForAll("anyText") String text) {
    parsesOrFailsWithAPositionedError(text);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(3, Arbitraries.strings().all().ofMaxLength(80)),
            Tuple.of(
                3, Arbitraries.strings().withChars("abn ()[],'\"=!<>@-0129\n").ofMaxLength(80)),
            Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(40)),
            Tuple.of(1, Arbitraries.strings().all().ofMinLength(500).ofMaxLength(2000)),
            Tuple.of(
                1,
                Arbitraries.strings().withChars("()ano t").ofMinLength(1000).ofMaxLength(2000))));
  }

  // ---------------------------------------------------------------------------------------------
  // (b) token soup

  @Property(tries = 4000)
  void anySequenceOfTokensParsesOrFailsWithAPositionedSyntaxError(
      @ForAll("tokenSoup") String text) {
    parsesOrFailsWithAPositionedError(text);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    Arbitrary<String> spaced =
        Combinators.combine(token(), whitespace()).as((token, space) -> token + space);
    return Combinators.combine(whitespace(), spaced.list().ofMinSize(1).ofMaxSize(40))
        .as((lead, tokens) -> lead + String.join("", tokens));
  }

  private static Arbitrary<String> token() {
    List<Tuple2<Integer, Arbitrary<String>>> kinds =
        List.of(
            Tuple.of(
                6,
                Arbitraries.of(
                    "a",
                    "x",
                    "politicalActivist",
                    "dateOfBirth",
                    "age",
                    "assessmentDate",
                    "fact_1",
                    "AND",
                    "Not")),
            Tuple.of(6, Arbitraries.of("and", "or", "not", "in", "true", "false")),
            Tuple.of(4, Arbitraries.of("=", "!=", "<", "<=", ">", ">=", "==", "!", "=<", "=>")),
            Tuple.of(6, Arbitraries.of("(", ")", "[", "]", ",")),
            Tuple.of(
                2, Arbitraries.of("'", "\"", "'text'", "\"text\"", "'unclosed", "''", "'a\nb'")),
            Tuple.of(
                2,
                Arbitraries.of(
                    "@in-force-date", "@x", "@", "@-", "@moratorium-age-27-included", "@_1")),
            Tuple.of(2, numbers()),
            Tuple.of(2, dates()),
            Tuple.of(1, nesting()));
    return Arbitraries.frequencyOf(kinds);
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        List.of(
            Arbitraries.integers().between(0, Integer.MAX_VALUE).map(String::valueOf),
            Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
            Arbitraries.of("0", "18", "999999", "1000000", "00000000000000000000", "1-", "-1")));
  }

  private static Arbitrary<String> dates() {
    Arbitrary<String> anyDigits =
        Combinators.combine(
                Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99))
            .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    return Arbitraries.oneOf(
        List.of(
            anyDigits,
            Arbitraries.of(
                "2023-13-45",
                "2023-02-29",
                "2024-02-29",
                "2023-02-30",
                "2023-06-08",
                "0000-01-01",
                "2023-06",
                "2023-",
                "2023--08",
                "2023-06-08-01")));
  }

  /** Runs of opening parentheses or negations, and balanced nesting, up to 5000 deep. */
  private static Arbitrary<String> nesting() {
    Arbitrary<Integer> depth = Arbitraries.integers().between(1, 5000);
    return Arbitraries.oneOf(
        List.of(
            depth.map("("::repeat),
            depth.map(")"::repeat),
            depth.map("not "::repeat),
            depth.map("age("::repeat),
            depth.map(n -> "(".repeat(n) + "a" + ")".repeat(n))));
  }

  private static Arbitrary<String> whitespace() {
    return Arbitraries.of("", " ", " ", " ", "  ", "\n", "\t", "\r\n", "\u2003", "\u00a0");
  }

  // ---------------------------------------------------------------------------------------------
  // (c) mutations of the conditions of the Russian pack

  @Example
  void theConditionsOfTheRussianPackParse() {
    for (String condition : RU_CONDITIONS) {
      Expr e = ExpressionParser.parse(condition);
      assertWellFormed(e, condition, 0, condition.length());
    }
  }

  @Property(tries = 4000)
  void aConditionOfTheRussianPackWithOneCharacterChangedParsesOrFailsWithAPositionedError(
      @ForAll("mutatedConditions") String text) {
    parsesOrFailsWithAPositionedError(text);
  }

  @Property(tries = 1000)
  void aConditionOfTheRussianPackWithSeveralCharactersChangedParsesOrFailsWithAPositionedError(
      @ForAll("multiplyMutatedConditions") String text) {
    parsesOrFailsWithAPositionedError(text);
  }

  enum Change {
    DELETE,
    INSERT,
    REPLACE
  }

  record Mutation(Change change, double where, char c) {
    String applyTo(String text) {
      if (text.isEmpty()) {
        return change == Change.DELETE ? text : String.valueOf(c);
      }
      int at = Math.min((int) (where * text.length()), text.length() - 1);
      return switch (change) {
        case INSERT -> text.substring(0, at) + c + text.substring(at);
        case DELETE -> text.substring(0, at) + text.substring(at + 1);
        case REPLACE -> text.substring(0, at) + c + text.substring(at + 1);
      };
    }
  }

  private static Arbitrary<Mutation> mutation() {
    return Combinators.combine(
            Arbitraries.of(Change.class),
            Arbitraries.doubles().between(0, 1).ofScale(4),
            Arbitraries.of(MUTATION_CHARS.toCharArray()))
        .as(Mutation::new);
  }

  @Provide
  Arbitrary<String> mutatedConditions() {
    return Combinators.combine(Arbitraries.of(RU_CONDITIONS), mutation())
        .as((condition, m) -> m.applyTo(condition));
  }

  @Provide
  Arbitrary<String> multiplyMutatedConditions() {
    return Combinators.combine(
            Arbitraries.of(RU_CONDITIONS), mutation().list().ofMinSize(2).ofMaxSize(6))
        .as(
            (condition, mutations) -> {
              String text = condition;
              for (Mutation m : mutations) {
                text = m.applyTo(text);
              }
              return text;
            });
  }
}
