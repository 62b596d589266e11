package org.asylex.app.cases;

import java.util.List;
import org.asylex.app.Refusal;
import org.asylex.engine.assessment.Assessment;
import org.asylex.engine.assessment.InputError;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.Difference;
import org.asylex.json.RerunReason;
import org.asylex.store.StoredAssessment;

/**
 * What re-running a stored assessment (its facts snapshot, date and assumption values) with the
 * pack as it is now gave: identical findings, or what differs and why, as data. Nothing is stored.
 */
public sealed interface Reproduction {
  StoredAssessment stored();

  /** The engine version of the re-run. */
  String engineVersion();

  /** The pack's content is unchanged and the findings are the same, byte for byte. */
  record Identical(
      StoredAssessment stored,
      PolicyPack pack,
      String engineVersion,
      Assessment assessment,
      List<RerunReason> notes)
      implements Reproduction {
    public Identical {
      notes = List.copyOf(notes);
    }
  }

  /** The re-run gives other findings (or the same in another form, or under another pack). */
  record Different(
      StoredAssessment stored,
      PolicyPack pack,
      String engineVersion,
      Assessment assessment,
      List<Difference> differences,
      List<RerunReason> reasons)
      implements Reproduction {
    public Different {
      differences = List.copyOf(differences);
      reasons = List.copyOf(reasons);
    }
  }

  /** The stored facts are no longer valid input for the pack as it is now. */
  record FactsInvalid(
      StoredAssessment stored,
      PolicyPack pack,
      String engineVersion,
      List<InputError> errors,
      List<RerunReason> reasons)
      implements Reproduction {
    public FactsInvalid {
      errors = List.copyOf(errors);
      reasons = List.copyOf(reasons);
    }
  }

  /** The pack as it is now cannot assess the case under the stored assumption values. */
  record CannotAssess(
      StoredAssessment stored,
      PolicyPack pack,
      String engineVersion,
      Refusal refusal,
      List<RerunReason> reasons)
      implements Reproduction {
    public CannotAssess {
      reasons = List.copyOf(reasons);
    }
  }

  /** The pack the assessment was made under is no longer there. */
  record PackGone(StoredAssessment stored, String engineVersion, Refusal refusal)
      implements Reproduction {}
}
