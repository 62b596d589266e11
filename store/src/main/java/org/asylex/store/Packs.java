package org.asylex.store;

import java.util.List;
import java.util.Optional;

/**
 * Every policy pack version a stored receipt refers to, kept by content hash (migration V6): a
 * receipt names its pack by that hash and refers to the pack's texts instead of copying them. A
 * pack is written once, when first used, and never changed or deleted. Packs are not case data:
 * keeping and reading them is not audited.
 */
public interface Packs {
  /**
   * Keeps a pack unless one with its content hash is kept already (then nothing changes): safe to
   * call from several processes and nodes at once.
   *
   * @return whether this call stored it
   */
  boolean keep(StoredPack pack);

  /** The pack with this content hash, if kept. */
  Optional<StoredPack> find(String contentHash);

  /** Whether a pack with this content hash is kept. */
  boolean has(String contentHash);

  /** The content hashes of every pack kept. */
  List<String> hashes();
}
