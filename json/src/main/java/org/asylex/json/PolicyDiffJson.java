package org.asylex.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyDiff;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Rule;

/** What differs in a pack's policy between two dates ({@link PolicyDiff.Result}) as JSON. */
public final class PolicyDiffJson {
  private PolicyDiffJson() {}

  /** What differs between two dates: {@code PolicyDiff.Result} as data. */
  public static Map<String, Object> tree(
      PolicyPack pack, AssumptionValues values, PolicyDiff.Result d) {
    var root = new LinkedHashMap<String, Object>();
    root.put("policy", PackJson.summary(pack));
    root.put("from", d.from().toString());
    root.put("to", d.to().toString());
    root.put("assumptions", PackJson.assumptionValues(pack, values));
    root.put("onlyFrom", d.onlyFrom().stream().map(r -> side(r, r.from().orElseThrow())).toList());
    root.put("onlyTo", d.onlyTo().stream().map(r -> side(r, r.to().orElseThrow())).toList());
    var changed = new ArrayList<Object>();
    for (PolicyDiff.RuleDiff r : d.versionChanged()) {
      var m = ruleHead(r.rule());
      m.put("from", inForce(r.from().orElseThrow()));
      m.put("to", inForce(r.to().orElseThrow()));
      changed.add(m);
    }
    root.put("versionChanged", changed);
    var unchanged = new ArrayList<Object>();
    for (PolicyDiff.RuleDiff r : d.unchanged()) {
      unchanged.add(Map.of("rule", r.rule().id(), "version", r.from().orElseThrow().number()));
    }
    root.put("unchangedCount", unchanged.size());
    root.put("unchanged", unchanged);
    var boundaries = new ArrayList<Object>();
    for (PolicyDiff.Boundary b : d.boundaries()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("date", b.date().toString());
      m.put("rule", b.rule().id());
      m.put("version", b.version());
      m.put("starts", b.starts());
      m.put("assumption", b.assumption().orElse(null));
      boundaries.add(m);
    }
    root.put("boundaries", boundaries);
    var assumed = new ArrayList<Object>();
    d.assumed()
        .forEach(
            (id, list) -> {
              var m = new LinkedHashMap<String, Object>();
              m.put("assumption", id);
              m.put("dates", list.stream().map(b -> b.date().toString()).distinct().toList());
              m.put("rules", list.stream().map(b -> b.rule().id()).distinct().toList());
              assumed.add(m);
            });
    root.put("assumed", assumed);
    var milestones = new ArrayList<Object>();
    for (PolicyDiff.MilestoneBetween mb : d.milestones()) {
      var m = PackJson.milestone(mb.milestone());
      m.put("elements", mb.elements());
      milestones.add(m);
    }
    root.put("milestones", milestones);
    return root;
  }

  private static Map<String, Object> ruleHead(Rule r) {
    var m = new LinkedHashMap<String, Object>();
    m.put("rule", r.id());
    m.put("element", r.element());
    m.put("group", r.group().orElse(null));
    m.put("versions", r.versions().size());
    return m;
  }

  private static Map<String, Object> side(PolicyDiff.RuleDiff r, PolicyDiff.InForce v) {
    var m = ruleHead(r.rule());
    m.put("version", inForce(v));
    return m;
  }

  private static Map<String, Object> inForce(PolicyDiff.InForce v) {
    var m = new LinkedHashMap<String, Object>();
    m.put("number", v.number());
    m.put("validFrom", v.interval().from().map(Object::toString).orElse(null));
    m.put("validTo", v.interval().to().map(Object::toString).orElse(null));
    m.put("condition", v.version().when().text());
    m.put("outcome", v.version().outcome().id());
    m.put("reason", PackJson.text(v.version().reason()));
    m.put("sources", PackJson.quotes(v.version().sources()));
    return m;
  }
}
