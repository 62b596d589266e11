package org.asylex.engine.assessment;

/** Which policy an assessment used: pack id, version label and the hash of its content. */
public record PolicyRef(String id, String version, String contentHash) {}
