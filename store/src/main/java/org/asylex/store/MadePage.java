package org.asylex.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A page of a caseload assessment with its work without side effects done: each case read, its
 * receipt made by {@code assess} (or the refusal it threw) and the receipt's packed column
 * compressed, on every core ({@link #make}). The writer that stores the page ({@link
 * Store#assessCases(MadePage, String)}) is then left with the database's work alone: while it
 * stores one page, the caller reads and makes the next.
 */
public final class MadePage {
  final List<CaseRecord> read;

  /** Whether the read is on record already; if not, it is recorded with the page's receipts. */
  final boolean listed;

  final Function<CaseRecord, StoredAssessment> assess;

  /**
   * Per case read, in order: the receipt made, or null where {@link #refused} holds the refusal.
   */
  final List<StoredAssessment> receipts;

  /** Per case read, in order: the packed column of its receipt, or null. */
  final List<byte[]> packed;

  /** Per case read, in order: what {@code assess} threw, or null. */
  final List<RuntimeException> refused;

  private MadePage(
      List<CaseRecord> read,
      boolean listed,
      Function<CaseRecord, StoredAssessment> assess,
      List<StoredAssessment> receipts,
      List<byte[]> packed,
      List<RuntimeException> refused) {
    this.read = read;
    this.listed = listed;
    this.assess = assess;
    this.receipts = receipts;
    this.packed = packed;
    this.refused = refused;
  }

  /**
   * Makes the receipts of {@code read} (cases whose read is on record already) with {@code assess},
   * called on several threads at once (it must be safe for that), and packs them; {@code assess} is
   * kept to make the receipt of a case that changed after it was read, when the page is stored.
   */
  public static MadePage make(
      List<CaseRecord> read, Function<CaseRecord, StoredAssessment> assess) {
    return make(List.copyOf(read), true, assess);
  }

  /**
   * {@link #make(List, Function)} of a page read by {@link Store#readPage}: its {@code case.list}
   * events are appended when it is stored.
   */
  public static MadePage make(ReadPage read, Function<CaseRecord, StoredAssessment> assess) {
    return make(read.cases(), false, assess);
  }

  private static MadePage make(
      List<CaseRecord> cases, boolean listed, Function<CaseRecord, StoredAssessment> assess) {
    Objects.requireNonNull(assess, "assess");
    List<Object> made =
        cases.parallelStream()
            .map(
                c -> {
                  StoredAssessment receipt;
                  try {
                    receipt = assess.apply(c);
                  } catch (RuntimeException e) {
                    return (Object) e;
                  }
                  // Outside the try: a receipt that cannot be packed is a fault, not a refusal.
                  return new Made(receipt, JdbiCaseAssessments.packed(receipt));
                })
            .toList();
    var receipts = new ArrayList<StoredAssessment>(cases.size());
    var packed = new ArrayList<byte[]>(cases.size());
    var refused = new ArrayList<RuntimeException>(cases.size());
    for (Object m : made) {
      if (m instanceof Made r) {
        receipts.add(r.receipt());
        packed.add(r.packed());
        refused.add(null);
      } else {
        receipts.add(null);
        packed.add(null);
        refused.add((RuntimeException) m);
      }
    }
    return new MadePage(cases, listed, assess, receipts, packed, refused);
  }

  /** How many cases the page holds. */
  public int size() {
    return read.size();
  }

  /** The receipts made, without the refused cases', in order. */
  List<StoredAssessment> made() {
    return receipts.stream().filter(Objects::nonNull).toList();
  }

  /** The packed columns of {@link #made}, in order. */
  List<byte[]> madePacked() {
    return packed.stream().filter(Objects::nonNull).toList();
  }

  private record Made(StoredAssessment receipt, byte[] packed) {}
}
