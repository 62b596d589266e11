package org.asylex.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asylex.store.CaseRecord;
import org.asylex.store.FactChange;

/** Cases and their history as JSON. Times are UTC, ISO-8601, as the store keeps them. */
final class CaseViews {
  private CaseViews() {}

  /** A case in a list: no facts. */
  static Map<String, Object> summary(CaseRecord c) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", c.id());
    m.put("reference", c.reference().orElse(null));
    m.put("version", c.version());
    m.put("created", c.created().toString());
    m.put("updated", c.updated().toString());
    return m;
  }

  /** Cases whose findings change soon: when, on which element, and why. */
  static Map<String, Object> deadlines(org.asylex.app.impact.Deadlines.Page page) {
    var items = new java.util.ArrayList<Object>();
    for (var d : page.items()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", d.id());
      m.put("reference", d.reference().orElse(null));
      m.put("date", d.date().toString());
      m.put("element", d.element());
      m.put("before", d.before().map(org.asylex.engine.policy.Outcome::id).orElse(null));
      m.put("after", d.after().map(org.asylex.engine.policy.Outcome::id).orElse(null));
      m.put("why", org.asylex.app.impact.ImpactJson.why(d.why()));
      items.add(m);
    }
    var root = new LinkedHashMap<String, Object>();
    root.put("items", items);
    root.put("total", page.total());
    root.put("offset", page.offset());
    root.put("limit", page.limit());
    root.put("today", page.today().toString());
    root.put("lapsesWithin", page.days());
    return root;
  }

  /** A case with its facts. */
  static Map<String, Object> full(CaseRecord c) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", c.id());
    m.put("reference", c.reference().orElse(null));
    m.put("version", c.version());
    m.put("facts", c.facts());
    m.put("created", c.created().toString());
    m.put("updated", c.updated().toString());
    return m;
  }

  static Map<String, Object> history(String caseId, List<FactChange> changes) {
    var list = new ArrayList<Object>();
    for (FactChange ch : changes) {
      var m = new LinkedHashMap<String, Object>();
      m.put("version", ch.version());
      m.put("fact", ch.fact());
      m.put("oldValue", ch.oldValue().orElse(null));
      m.put("newValue", ch.newValue().orElse(null));
      m.put("actor", ch.actor());
      m.put("at", ch.at().toString());
      m.put("note", ch.note().orElse(null));
      list.add(m);
    }
    var root = new LinkedHashMap<String, Object>();
    root.put("caseId", caseId);
    root.put("changes", list);
    return root;
  }
}
