package org.asylex.engine.policy;

/** A named condition that rules use by name, so a group is defined once and read as words. */
public record Definition(String name, Condition condition, Origin origin) {}
