package org.asylex.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asylex.engine.policy.AssumptionValues;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.engine.policy.Timeline;

/**
 * A pack's timeline ({@link Timeline}) as JSON: per change its date, kind, description, elements,
 * rule, group, version, the assumption its date rests on and its sources.
 */
public final class TimelineJson {
  private TimelineJson() {}

  /** The timeline of {@code pack} under {@code values}. */
  public static Map<String, Object> tree(PolicyPack pack, AssumptionValues values) {
    var entries = new ArrayList<Object>();
    for (Timeline.Entry entry : Timeline.of(pack, values)) {
      for (Timeline.Change c : entry.changes()) {
        entries.add(change(entry, c));
      }
    }
    var root = new LinkedHashMap<String, Object>();
    root.put("policy", PackJson.summary(pack));
    root.put("assumptions", PackJson.assumptionValues(pack, values));
    root.put("entries", entries);
    return root;
  }

  private static Map<String, Object> change(Timeline.Entry entry, Timeline.Change c) {
    var m = new LinkedHashMap<String, Object>();
    m.put("date", entry.date().toString());
    m.put("precision", PackJson.precision(entry.date()));
    m.put("kind", kind(c));
    m.put("description", PackJson.text(c.description()));
    m.put("elements", c.elements());
    boolean rule = c instanceof Timeline.RuleChange;
    Timeline.RuleChange r = rule ? (Timeline.RuleChange) c : null;
    m.put("rule", rule ? r.rule().id() : null);
    m.put("group", rule ? r.rule().group().orElse(null) : null);
    m.put("version", rule ? r.version() : null);
    m.put("assumption", c.assumption().orElse(null));
    // a rule change cites the first sentence of its version; a milestone all of its own
    m.put("sources", PackJson.quotes(rule ? c.sources().stream().limit(1).toList() : c.sources()));
    return m;
  }

  /** The kind of change as the JSON form names it. */
  public static String kind(Timeline.Change c) {
    if (c instanceof Timeline.ComesIntoForce) {
      return "rule-starts";
    } else if (c instanceof Timeline.NewVersion) {
      return "rule-new-version";
    } else if (c instanceof Timeline.Lapses) {
      return "rule-lapses";
    }
    return "milestone";
  }
}
