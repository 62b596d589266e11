package org.asylex.store;

import java.util.List;
import java.util.Optional;

/** Packs in the {@code packs} table; rows are inserted once, never updated. */
final class JdbiPacks implements Packs {
  private final Transactions transactions;
  private final Database database;

  JdbiPacks(Transactions transactions) {
    this.transactions = transactions;
    this.database = transactions.database();
  }

  @Override
  public boolean keep(StoredPack pack) {
    if (pack.contentHash().isBlank()) {
      throw new IllegalArgumentException("the content hash is empty");
    }
    if (has(pack.contentHash())) {
      return false;
    }
    // ON CONFLICT DO NOTHING: two nodes keeping the same pack at once both succeed, one row stays.
    return transactions.write(
            h ->
                h.createUpdate(
                        "INSERT INTO packs (content_hash, id, version, stored_at, format, content)"
                            + " VALUES (:hash, :id, :version, :at, :format, :content)"
                            + " ON CONFLICT (content_hash) DO NOTHING")
                    .bind("hash", pack.contentHash())
                    .bind("id", pack.id())
                    .bind("version", pack.version())
                    .bind("at", database.instant(pack.storedAt()))
                    .bind("format", pack.format())
                    .bind("content", pack.content())
                    .execute())
        == 1;
  }

  @Override
  public Optional<StoredPack> find(String contentHash) {
    return transactions.read(
        h ->
            h.createQuery(
                    "SELECT content_hash, id, version, stored_at, format, content FROM packs"
                        + " WHERE content_hash = :hash")
                .bind("hash", contentHash)
                .map(
                    (rs, ctx) ->
                        new StoredPack(
                            rs.getString("content_hash"),
                            rs.getString("id"),
                            rs.getString("version"),
                            database.instant(rs, "stored_at"),
                            rs.getInt("format"),
                            rs.getBytes("content")))
                .findOne());
  }

  @Override
  public boolean has(String contentHash) {
    return transactions.read(
        h ->
            h.createQuery("SELECT count(*) FROM packs WHERE content_hash = :hash")
                    .bind("hash", contentHash)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  @Override
  public List<String> hashes() {
    return transactions.read(
        h ->
            h.createQuery("SELECT content_hash FROM packs ORDER BY content_hash")
                .mapTo(String.class)
                .list());
  }
}
