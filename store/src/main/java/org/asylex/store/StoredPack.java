package org.asylex.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One policy pack version as the store keeps it, by its content hash: the pack's files as loaded,
 * in an archive the application layer writes and reads (the store does not look inside).
 *
 * @param contentHash the pack's content hash ({@code sha256:…}), which identifies it
 * @param id the pack's id
 * @param version the pack's version label
 * @param storedAt when it was first kept; to the microsecond
 * @param format the archive's format (1: a zip of the pack's files)
 * @param content the archive
 */
public record StoredPack(
    String contentHash, String id, String version, Instant storedAt, int format, byte[] content) {
  public StoredPack {
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(storedAt, "storedAt");
    Objects.requireNonNull(content, "content");
    storedAt = Times.micros(storedAt);
  }

  @Override
  public String toString() {
    return "StoredPack["
        + id
        + " "
        + version
        + " "
        + contentHash
        + ", "
        + content.length
        + " bytes]";
  }
}
