package org.asylex.app.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.asylex.app.policy.PolicyCatalog;
import org.asylex.engine.policy.PolicyPack;
import org.asylex.json.CompactFindings;
import org.asylex.store.Store;
import org.asylex.store.UnconvertedReceipt;

/**
 * Converts the receipts made before compact receipts (migration V6) to the compact form, at
 * start-up, after the migrations: each receipt whose pack is available (the pack loaded now, kept
 * in the store first, or one the store keeps) and whose findings the compact form renders back to
 * byte for byte, a page at a time, each page in one transaction with one {@code assessment.convert}
 * audit event per receipt converted. A receipt whose pack is not available, or whose findings the
 * compact form would not render back exactly, is left in its full form (its findings stay JSON text
 * in {@code assessments.findings}) and counted. Idempotent and resumable: a run stopped half-way
 * has converted whole pages, and the next run goes on with the rest; two processes running it at
 * once convert each receipt once.
 */
public final class ReceiptConversion {
  /** Who the audit trail names for the conversion. */
  public static final String ACTOR = "asylex";

  static final int PAGE = 500;

  private ReceiptConversion() {}

  /**
   * What a run did: receipts converted now, and receipts left in full form (pack not available, or
   * not exactly renderable), with the content hashes of the packs they refer to.
   */
  public record Result(long converted, long keptFull, List<String> packsMissing) {
    public Result {
      packsMissing = List.copyOf(packsMissing);
    }

    static final Result NOTHING = new Result(0, 0, List.of());

    /**
     * One line for operators when some receipts are kept in full form, empty when none is: how
     * many, and the content hashes of the packs that would convert them (counts and hashes only,
     * never a case id or a fact).
     */
    public Optional<String> keptFullNote() {
      if (keptFull == 0) {
        return Optional.empty();
      }
      return Optional.of(
          keptFull
              + (keptFull == 1 ? " receipt is" : " receipts are")
              + " kept in full form (made before compact receipts, not converted)"
              + (packsMissing.isEmpty()
                  ? ""
                  : "; packs not available: "
                      + String.join(", ", packsMissing)
                      + " (start with them among the policies to convert those receipts)"));
    }

    /** One line for operators when some receipts were converted now, empty when none was. */
    public Optional<String> convertedNote() {
      if (converted == 0) {
        return Optional.empty();
      }
      return Optional.of(
          converted
              + (converted == 1 ? " receipt" : " receipts")
              + " made before compact receipts converted to the compact form");
    }
  }

  /** Runs the conversion; does nothing (and loads no pack) when no receipt is left to convert. */
  public static Result run(Store store, PolicyCatalog policies, ReceiptPacks packs) {
    Objects.requireNonNull(store, "store");
    if (store.unconvertedReceipts().count() == 0) {
      return Result.NOTHING;
    }
    var hashes = new LinkedHashSet<String>();
    for (PolicyPack pack : policies.packs()) {
      if (packs.keep(pack)) {
        hashes.add(pack.contentHash());
      }
    }
    hashes.addAll(store.packs().hashes());
    long converted = 0;
    String after = null;
    while (true) {
      List<UnconvertedReceipt> page =
          store.unconvertedReceipts().page(List.copyOf(hashes), after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).id();
      var receipts = new ArrayList<UnconvertedReceipt>();
      var forms = new ArrayList<String>();
      for (UnconvertedReceipt r : page) {
        Optional<PolicyPack> pack = packs.pack(r.contentHash());
        if (pack.isEmpty()) {
          continue;
        }
        String compact = CompactFindings.compact(r.findingsJson(), pack.get());
        if (CompactFindings.isCompact(compact)) {
          receipts.add(r);
          forms.add(compact);
        }
      }
      converted += store.unconvertedReceipts().convert(receipts, forms, ACTOR);
    }
    long left = store.unconvertedReceipts().count();
    List<String> missing =
        left == 0
            ? List.of()
            : store.unconvertedReceipts().packs().stream()
                .filter(h -> !hashes.contains(h))
                .toList();
    return new Result(converted, left, missing);
  }
}
