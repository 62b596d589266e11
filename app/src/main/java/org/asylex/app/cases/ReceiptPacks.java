package org.asylex.app.cases;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.CompactFindings;
import org.asylex.packs.LoadResult;
import org.asylex.packs.PackDirectory;
import org.asylex.packs.PackLoader;
import org.asylex.store.Store;
import org.asylex.store.StoreException;
import org.asylex.store.StoredAssessment;
import org.asylex.store.StoredPack;

/**
 * The pack versions receipts refer to, kept in the store by content hash ({@link Store#packs()}): a
 * pack is kept the first time a receipt made under it is stored, and a receipt's compact findings
 * are expanded with the pack of their hash, from the catalogue when it is the pack loaded now, else
 * from the store. An archive (format 1) is a zip of the pack's files as loaded, the {@code
 * scenarios/} folder left out as the content hash leaves it out; it is kept only when its files
 * hash to the pack's content hash, so a pack edited on disk since it was loaded is never kept under
 * the hash of what was loaded.
 */
public final class ReceiptPacks {
  static final int FORMAT = 1;

  private final Store store;
  private final PolicyCatalog policies;
  private final Map<String, Boolean> kept = new ConcurrentHashMap<>();
  private final Map<String, PolicyPack> loaded = new ConcurrentHashMap<>();

  public ReceiptPacks(Store store, PolicyCatalog policies) {
    this.store = Objects.requireNonNull(store, "store");
    this.policies = Objects.requireNonNull(policies, "policies");
  }

  /**
   * Keeps {@code pack} in the store unless it is there already (once per process per pack).
   *
   * @return whether it is kept, so receipts may refer to it; false when its files on disk no longer
   *     hash to its content hash
   */
  public boolean keep(PolicyPack pack) {
    Boolean known = kept.get(pack.contentHash());
    if (known != null) {
      return known;
    }
    synchronized (this) {
      known = kept.get(pack.contentHash());
      if (known != null) {
        return known;
      }
      boolean ok = store.packs().has(pack.contentHash());
      if (!ok) {
        Optional<byte[]> archive = archive(pack);
        if (archive.isPresent()) {
          store
              .packs()
              .keep(
                  new StoredPack(
                      pack.contentHash(),
                      pack.id(),
                      pack.version(),
                      store.now(),
                      FORMAT,
                      archive.get()));
          ok = true;
        }
      }
      kept.put(pack.contentHash(), ok);
      if (ok) {
        loaded.putIfAbsent(pack.contentHash(), pack);
      }
      return ok;
    }
  }

  /** The pack with this content hash: the one loaded now, or one kept in the store. */
  public Optional<PolicyPack> pack(String contentHash) {
    PolicyPack p = loaded.get(contentHash);
    if (p != null) {
      return Optional.of(p);
    }
    for (PolicyPack current : policies.packs()) {
      if (current.contentHash().equals(contentHash)) {
        loaded.put(contentHash, current);
        return Optional.of(current);
      }
    }
    Optional<PolicyPack> fromStore = store.packs().find(contentHash).flatMap(ReceiptPacks::load);
    fromStore.ifPresent(x -> loaded.put(contentHash, x));
    return fromStore;
  }

  /**
   * The receipt with its findings as the assessment's JSON: compact findings expanded with the pack
   * they name; other findings as they are.
   *
   * @throws StoreException when the pack they name is neither loaded nor kept
   */
  public StoredAssessment full(StoredAssessment stored) {
    String findings = stored.findingsJson();
    if (!CompactFindings.isCompact(findings)) {
      return stored;
    }
    String hash = CompactFindings.packOf(findings);
    PolicyPack pack =
        pack(hash)
            .orElseThrow(
                () ->
                    new StoreException(
                        "the findings of assessment '"
                            + stored.id()
                            + "' refer to pack "
                            + hash
                            + ", which the store does not keep"));
    return withFindings(stored, CompactFindings.expand(findings, pack));
  }

  static StoredAssessment withFindings(StoredAssessment s, String findings) {
    return new StoredAssessment(
        s.id(),
        s.caseId(),
        s.caseVersion(),
        s.asOf(),
        s.factsSnapshot(),
        s.packId(),
        s.packVersion(),
        s.contentHash(),
        s.assumptions(),
        s.engineVersion(),
        StoredAssessment.Findings.text(findings),
        s.actor(),
        s.at(),
        s.factsAsOf());
  }

  /** The pack's files as a zip, if they still hash to its content hash. */
  Optional<byte[]> archive(PolicyPack pack) {
    Optional<Path> dir = new PackDirectory(policies.root()).find(pack.id());
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    Path root = dir.get();
    try (Stream<Path> walk = Files.walk(root)) {
      // The order and the bytes the content hash is computed over (pack-loader's ContentHash).
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !root.relativize(p).startsWith("scenarios"))
              .sorted()
              .toList();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      var bytes = new ByteArrayOutputStream();
      try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
        for (Path p : files) {
          String name = root.relativize(p).toString().replace('\\', '/');
          byte[] content = Files.readAllBytes(p);
          digest.update(name.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digest.update(content);
          digest.update((byte) 0);
          var entry = new ZipEntry(name);
          entry.setLastModifiedTime(FileTime.fromMillis(0));
          zip.putNextEntry(entry);
          zip.write(content);
          zip.closeEntry();
        }
      }
      String hash = "sha256:" + HexFormat.of().formatHex(digest.digest());
      return hash.equals(pack.contentHash()) ? Optional.of(bytes.toByteArray()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The pack an archive holds, loaded as from a directory, if it is whole and of its hash. */
  static Optional<PolicyPack> load(StoredPack kept) {
    if (kept.format() != FORMAT) {
      return Optional.empty();
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("asylex-pack");
      Path pack = dir.resolve(kept.id().toLowerCase(java.util.Locale.ROOT));
      Files.createDirectories(pack);
      try (var zip = new ZipInputStream(new ByteArrayInputStream(kept.content()))) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          Path target = pack.resolve(entry.getName()).normalize();
          if (!target.startsWith(pack) || entry.isDirectory()) {
            continue; // never write outside the directory
          }
          Files.createDirectories(target.getParent());
          Files.write(target, zip.readAllBytes());
        }
      }
      LoadResult result = PackLoader.load(pack);
      return result.pack().filter(p -> p.contentHash().equals(kept.contentHash()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack pack " + kept.contentHash(), e);
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // a temporary file left behind holds pack text only, no case data
                }
              });
    } catch (IOException e) {
      // as above
    }
  }
}
