package org.asylex.benchmarks.dmn;

import java.util.List;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;

/**
 * {@code dmn/ru-policy.dmn} evaluated by Drools DMN ({@code org.kie:kie-dmn-core}) under its
 * default configuration: one {@link DMNContext} per case with every input data set (null when the
 * fact is absent), {@link DMNRuntime#evaluateAll}, the six element decisions read by id.
 */
public final class DroolsRussianPolicy implements DmnPeer {
  private final DMNRuntime runtime;
  private final DMNModel model;
  private final String[] decisionIds;

  public DroolsRussianPolicy() {
    runtime =
        DMNRuntimeBuilder.fromDefaults()
            .buildConfiguration()
            .fromClasspathResource(MODEL, DroolsRussianPolicy.class)
            .getOrElseThrow(e -> new IllegalStateException("Drools cannot load " + MODEL, e));
    List<DMNModel> models = runtime.getModels();
    if (models.size() != 1) {
      throw new IllegalStateException("expected one DMN model, Drools loaded " + models.size());
    }
    model = models.get(0);
    List<DMNMessage> errors = model.getMessages(DMNMessage.Severity.ERROR);
    if (!errors.isEmpty()) {
      throw new IllegalStateException(MODEL + " has errors in Drools: " + errors);
    }
    decisionIds = ELEMENT_DECISIONS.stream().map(d -> "d_" + d).toArray(String[]::new);
  }

  @Override
  public String name() {
    return "drools";
  }

  @Override
  public void outcomes(DmnCases c, int i, int[] out) {
    DMNResult result = runtime.evaluateAll(model, context(c, i));
    for (int e = 0; e < decisionIds.length; e++) {
      var decision = result.getDecisionResultById(decisionIds[e]);
      out[e] = decision == null ? UNKNOWN : DmnPeer.code(decision.getResult());
    }
  }

  /** The messages of evaluating case {@code i}: why a decision gave no outcome. */
  public List<DMNMessage> messages(DmnCases c, int i) {
    return runtime.evaluateAll(model, context(c, i)).getMessages();
  }

  /** Every input data of case {@code i}, absent facts as null (Drools needs each one set). */
  private DMNContext context(DmnCases c, int i) {
    DMNContext ctx = runtime.newContext();
    ctx.set("assessmentDate", c.assessmentDate[i]);
    ctx.set("dateOfBirth", c.dateOfBirth[i]);
    ctx.set("gender", c.gender[i]);
    ctx.set("regionOfOrigin", c.regionOfOrigin[i]);
    ctx.set("militaryStatus", c.militaryStatus[i]);
    for (int k = 0; k < c.flags.length; k++) {
      ctx.set(DmnCases.BOOLEAN_INPUTS.get(k), c.flags[k][i]);
    }
    return ctx;
  }
}
