package org.asylex.benchmarks.dmn;

import java.util.List;
import org.asylex.benchmarks.HandWrittenRussianPolicy;

/**
 * A DMN engine evaluating {@code dmn/ru-policy.dmn}: the outcomes of the six elements of one case,
 * as the outcome codes of {@link HandWrittenRussianPolicy} in the order of its {@link
 * HandWrittenRussianPolicy#ELEMENTS}, or {@link #UNKNOWN} where the engine gave no recognised
 * outcome (an error or a null result).
 */
public interface DmnPeer {
  /** The model's resource on the class path. */
  String MODEL = "dmn/ru-policy.dmn";

  /** The model's decision of each element, in the order of HandWrittenRussianPolicy.ELEMENTS. */
  List<String> ELEMENT_DECISIONS =
      List.of(
          "decisionMoratorium",
          "riskGroup",
          "internalProtectionAlternative",
          "departureMoratorium",
          "conscriptionAssessment",
          "mobilisationAssessment");

  int UNKNOWN = -1;

  /** The engine's name in reports. */
  String name();

  /** Writes the outcome code of each element of case {@code i} to {@code out}. */
  void outcomes(DmnCases cases, int i, int[] out);

  /** An outcome as the model writes it to its code; {@link #UNKNOWN} for anything else. */
  static int code(Object outcome) {
    if (outcome instanceof String s) {
      switch (s) {
        case "applies":
          return HandWrittenRussianPolicy.APPLIES;
        case "does_not_apply":
          return HandWrittenRussianPolicy.DOES_NOT_APPLY;
        case "individual_assessment":
          return HandWrittenRussianPolicy.INDIVIDUAL_ASSESSMENT;
        case "undetermined":
          return HandWrittenRussianPolicy.UNDETERMINED;
        default:
          return UNKNOWN;
      }
    }
    return UNKNOWN;
  }
}
