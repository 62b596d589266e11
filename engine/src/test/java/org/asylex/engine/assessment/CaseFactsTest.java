package org.asylex.engine.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.asylex.engine.policy.FactSchema;
import org.asylex.engine.policy.FactType;
import org.asylex.engine.time.PartialDate;
import org.junit.jupiter.api.Test;

/** Typed case facts: a fact that is not set is unknown. */
class CaseFactsTest {
  private static final FactSchema SCHEMA = NeutralPack.PACK.facts();

  @Test
  void anUnsetFactIsUnknownAndAnUndeclaredOneToo() {
    CaseFacts facts = CaseFacts.builder(SCHEMA).build();

    assertThat(facts.get("member")).isEmpty();
    assertThat(facts.get("no-such-fact")).isEmpty();
    assertThat(facts.known()).isEmpty();
    assertThat(facts.schema()).isSameAs(SCHEMA);
  }

  @Test
  void knownFactsAreListedInSchemaOrder() {
    CaseFacts facts =
        CaseFacts.builder(SCHEMA)
            .set("settle", false)
            .set("member", true)
            .set("born", PartialDate.parse("2001").orElseThrow())
            .build();

    assertThat(facts.known()).containsOnlyKeys("born", "member", "settle");
    assertThat(facts.known().keySet()).containsExactly("born", "member", "settle");
  }

  @Test
  void withGivesACopyAndLeavesTheOriginalAlone() {
    CaseFacts original = CaseFacts.builder(SCHEMA).set("member", true).build();

    CaseFacts changed = original.with("member", false).with("leader", true);

    assertThat(original.get("member")).contains(true);
    assertThat(original.get("leader")).isEmpty();
    assertThat(changed.get("member")).contains(false);
    assertThat(changed.get("leader")).contains(true);
  }

  @Test
  void aBuilderCanBeUsedAgainWithoutChangingWhatItBuilt() {
    CaseFacts.Builder b = CaseFacts.builder(SCHEMA).set("member", true);
    CaseFacts first = b.build();
    b.set("member", false);

    assertThat(first.get("member")).contains(true);
    assertThat(b.build().get("member")).contains(false);
  }

  @Test
  void anUnknownFactCannotBeSet() {
    assertThatThrownBy(() -> CaseFacts.builder(SCHEMA).set("nope", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown fact 'nope'");
  }

  @Test
  void aValueOfTheWrongJavaTypeCannotBeSet() {
    assertThatThrownBy(() -> CaseFacts.builder(SCHEMA).set("member", "true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fact 'member' takes a Boolean, not String");
    assertThatThrownBy(() -> CaseFacts.builder(SCHEMA).set("born", LocalDate.of(2001, 1, 1)))
        .hasMessage("fact 'born' takes a PartialDate, not LocalDate");
    assertThatThrownBy(() -> CaseFacts.builder(SCHEMA).set("region", 5))
        .hasMessage("fact 'region' takes a String, not Integer");
  }

  @Test
  void aValueOutsideAnEnumerationCannotBeSet() {
    assertThatThrownBy(() -> CaseFacts.builder(SCHEMA).set("status", "Enlisted"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'Enlisted' is not a value of status");
  }

  @Test
  void eachFactTypeHasItsJavaType() {
    assertThat(CaseFacts.javaType(FactType.BOOLEAN)).isEqualTo(Boolean.class);
    assertThat(CaseFacts.javaType(FactType.DATE)).isEqualTo(LocalDate.class);
    assertThat(CaseFacts.javaType(FactType.PARTIAL_DATE)).isEqualTo(PartialDate.class);
    assertThat(CaseFacts.javaType(FactType.ENUM)).isEqualTo(String.class);
    assertThat(CaseFacts.javaType(FactType.COUNTRY)).isEqualTo(String.class);
    assertThat(CaseFacts.javaType(FactType.REGION)).isEqualTo(String.class);
  }

  @Test
  void factsAreEqualWhenSchemaAndValuesAre() {
    CaseFacts a = CaseFacts.builder(SCHEMA).set("member", true).build();
    CaseFacts b = CaseFacts.builder(SCHEMA).set("member", true).build();
    CaseFacts c = CaseFacts.builder(SCHEMA).set("member", false).build();
    CaseFacts otherSchema = CaseFacts.builder(TinyPack.pack("a").facts()).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    assertThat(a.hashCode()).isNotEqualTo(c.hashCode());
    assertThat(CaseFacts.builder(SCHEMA).build()).isNotEqualTo(otherSchema);
    assertThat(a).isNotEqualTo("member=true");
  }

  @Test
  void factsReadAsTheirKnownValues() {
    assertThat(CaseFacts.builder(SCHEMA).set("member", true).set("status", "none").build())
        .hasToString("CaseFacts{status=none, member=true}");
  }
}
