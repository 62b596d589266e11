package org.asylex.engine.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sections every Dutch country policy has (Vreemdelingencirculaire C7), in the order a case is
 * tested. Elements of any country's pack fill these slots.
 */
public enum Slot {
  DECISION_MORATORIUM("decision-moratorium"),
  EXCLUSION("exclusion"),
  GROUP_PERSECUTION("group-persecution"),
  RISK_GROUPS("risk-groups"),
  VULNERABLE_MINORITY_GROUPS("vulnerable-minority-groups"),
  PROTECTION_BY_AUTHORITIES("protection-by-authorities"),
  INTERNAL_PROTECTION_ALTERNATIVE("internal-protection-alternative"),
  UNACCOMPANIED_MINORS("unaccompanied-minors"),
  DEPARTURE_MORATORIUM("departure-moratorium"),
  PARTICULARS("particulars");

  private final String id;

  Slot(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Slot> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Slot::id).toList();
  }
}
