package io.rehearsal.ml.detect;

import java.util.Arrays;

/**
 * CAD OSE's memory of contexts (its "context operator"), written from the algorithm's description.
 * A context is a pair of fact sets: a left semi-context (the facts of the previous step: the
 * value's bits and the contexts that were active) and a right semi-context (the facts of the
 * current value). Semi-contexts are shared between contexts and named by the hash of their sorted
 * facts. Each step <em>crosses</em> a side with the facts at hand: a semi-context is fully matched
 * when all its facts are present. A context whose left side was fully matched last step is
 * <em>selected</em>; it is <em>active</em> when its right side is fully matched now. Partial
 * matches of contexts first seen as whole steps ("zero-level" contexts) propose potential new
 * contexts, made of the matched facts only; the memory never forgets.
 *
 * <p>Everything is kept in flat primitive arrays indexed by number (semi-contexts per side,
 * contexts): a crossing marks in each semi-context holding one of the facts how many it holds and
 * at which positions of the crossed facts (a bit set, at most 64 facts), so the matched facts are
 * never copied out; their name is computed once per crossing, when a proposal needs it. A step
 * allocates nothing unless the memory grows. One step is: {@link #addZeroLevel}, {@link
 * #crossRight}, the results ({@link #selected}, {@link #activeCount}, {@link #strongest}, {@link
 * #potentials}, {@link #proposed}), then {@link #crossLeft} with the next left facts.
 */
final class ContextMemory {

  /** Most facts a side may be crossed with (positions of a {@code long} bit set). */
  static final int MAX_FACTS = 64;

  private final int maxLeftLength;
  private final Side left = new Side(true);
  private final Side right = new Side(false);
  private int contextCount;
  private int[] crossedLeft =
      new int[64]; // semi-contexts kept by the last left crossing, by number
  private int crossedLeftCount;

  // results of the last right crossing
  private int selected;
  private int[] active = new int[64]; // per active context: number, activations, names
  private int[] activeActivations = new int[64];
  private long[] activeLeftHash = new long[64];
  private long[] activeRightHash = new long[64];
  private int activeCount;
  private long predicted;

  // the distinct potential new contexts of this step, in the order first proposed
  private final LongIntMap leftNumbers = new LongIntMap();
  private final LongIntMap rightNumbers = new LongIntMap();
  private long[] seen = new long[64];
  private int rightSides;
  private int[] potentialLeft = new int[64]; // left semi-context whose matched facts are the left
  private int[] potentialRight = new int[64];
  private int[] potentialBit = new int[64];
  private int potentialCount;
  private int step;

  /**
   * @param maxLeftLength longest matched left part that may make a potential new context
   */
  ContextMemory(int maxLeftLength) {
    this.maxLeftLength = maxLeftLength;
  }

  /**
   * Stores a whole step (the first {@code leftLength} of {@code leftFacts} → the first {@code
   * rightLength} of {@code rightFacts}, both sorted, named {@code leftHash} and {@code rightHash})
   * as a zero-level context unless it is known (then marks it zero-level).
   *
   * @return the new context's number, or -1 when it was already known
   */
  int addZeroLevel(
      long[] leftFacts,
      int leftLength,
      long leftHash,
      long[] rightFacts,
      int rightLength,
      long rightHash) {
    int l = left.semi(leftFacts, all(leftLength), leftHash);
    int r = right.semi(rightFacts, all(rightLength), rightHash);
    return add(l, r, true);
  }

  /**
   * Crosses the right side with the current value's facts, then updates every context selected by
   * last step's left crossing; afterwards {@link #selected}, {@link #activeCount}, {@link
   * #strongest}, {@link #potentials}, {@link #proposed} and {@link #predictedFacts} tell what it
   * did. Potential new contexts are proposed only when {@code newStep} (this step's zero-level
   * context was new).
   *
   * @param skip a context left out of the update: the one just made, or context 0 when none was
   *     (the reference compares the context number with a "none" flag that equals 0)
   */
  void crossRight(long[] facts, int length, boolean newStep, int skip) {
    right.cross(facts, length);
    clearProposals();
    rightSides = right.size;
    selected = 0;
    activeCount = 0;
    Side l = left;
    int[] rightCounts = right.count;
    int[] rightLengths = right.length;
    long[] rightMasks = right.mask;
    int made = newStep ? skip : -1; // made this step: not there when the prediction was due
    double best = 0.0;
    long mask = 0;
    for (int i = 0; i < crossedLeftCount; i++) {
      int semi = crossedLeft[i];
      int count = l.count[semi];
      boolean full = count == l.length[semi];
      if (!full && !newStep) {
        continue; // a partly matched left side only proposes, from its zero-level contexts
      }
      boolean mayPropose = newStep && count <= maxLeftLength;
      ContextTable table = l.contexts[semi];
      long[] e = table.entries;
      int end = ContextTable.STRIDE * table.size;
      for (int at = 0; at < end; at += ContextTable.STRIDE) {
        long keyAndId = e[at + ContextTable.KEY_AND_ID];
        int id = ContextTable.id(keyAndId);
        int rightId = ContextTable.rightId(keyAndId);
        if (full && id != made) {
          // the prediction of this value, from the counts as they were before this step
          long sel = e[at + ContextTable.SELECTED];
          double weight = sel > 0 ? (double) e[at + ContextTable.MATCHED] / sel : 0.0;
          if (weight > best) {
            best = weight;
            mask = 0;
          }
          if (weight == best) {
            mask |= rightMasks[rightId];
          }
        }
        if (id == skip) {
          continue;
        }
        int rightCount = rightCounts[rightId];
        long flags = e[at + ContextTable.FLAGS];
        if (full) {
          selected++;
          int rightLength = rightLengths[rightId];
          e[at + ContextTable.SELECTED] += rightLength;
          e[at + ContextTable.MATCHED] += rightCount;
          if (rightCount > 0 && rightCount == rightLength) {
            flags += 2;
            e[at + ContextTable.FLAGS] = flags;
            addActive(id, (int) (flags >>> 1), l.hash[semi], right.hash[rightId]);
            continue;
          }
        }
        if ((flags & 1) != 0 && mayPropose && rightCount > 0) {
          propose(semi, rightId);
        }
      }
    }
    predicted = mask;
  }

  /** Contexts selected by the last step's left crossing (updated by {@link #crossRight}). */
  int selected() {
    return selected;
  }

  /** Selected contexts whose right side is fully present now. */
  int activeCount() {
    return activeCount;
  }

  /**
   * Writes into {@code into} the numbers of the (at most {@code max}) strongest active contexts,
   * sorted by number: the strongest are the last in the order (activations, left name, right name),
   * a total order since two contexts never share both sides.
   *
   * @return how many were written
   */
  int strongest(int max, int[] into) {
    // into[] first holds indexes into the active lists; into[0] is the weakest kept
    int n = 0;
    for (int k = 0; k < activeCount; k++) {
      if (n < max) {
        into[n++] = k;
      } else if (weaker(into[0], k)) {
        into[0] = k;
      } else {
        continue;
      }
      int weakest = 0;
      for (int j = 1; j < n; j++) {
        if (weaker(into[j], into[weakest])) {
          weakest = j;
        }
      }
      int t = into[0];
      into[0] = into[weakest];
      into[weakest] = t;
    }
    for (int j = 0; j < n; j++) {
      into[j] = active[into[j]];
    }
    Arrays.sort(into, 0, n);
    return n;
  }

  /** Whether active context {@code a} comes before {@code b} in (activations, names). */
  private boolean weaker(int a, int b) {
    if (activeActivations[a] != activeActivations[b]) {
      return activeActivations[a] < activeActivations[b];
    }
    if (activeLeftHash[a] != activeLeftHash[b]) {
      return activeLeftHash[a] < activeLeftHash[b];
    }
    return activeRightHash[a] < activeRightHash[b];
  }

  /** Distinct potential new contexts proposed by the last {@link #crossRight}. */
  int potentials() {
    return potentialCount;
  }

  /**
   * Whether the last {@link #crossRight} proposed the whole step as a context: all the facts of the
   * last left crossing and all those of the right crossing.
   */
  boolean proposedWholeStep() {
    int l = leftNumbers.get(all(left.factCount));
    int r = rightNumbers.get(all(right.factCount));
    return l >= 0 && r >= 0 && isSeen(l * rightSides + r);
  }

  /**
   * Stores the potential new contexts and crosses the left side with the next step's left facts
   * (the first {@code length} of {@code facts}, sorted).
   *
   * @return how many potential contexts were really new
   */
  int crossLeft(long[] facts, int length) {
    int added = 0;
    for (int p = 0; p < potentialCount; p++) {
      int fromLeft = potentialLeft[p];
      int fromRight = potentialRight[p];
      int l = left.semi(left.facts, left.bits[fromLeft], left.matchedHash(fromLeft));
      int r = right.semi(right.facts, right.bits[fromRight], right.matchedHash(fromRight));
      added += add(l, r, false) >= 0 ? 1 : 0;
    }
    left.cross(facts, length);
    keepLeft();
    return added;
  }

  /**
   * The value facts the previous step predicted for the value of the last {@link #crossRight}, as
   * {@link ValueFacts#mask}: the right sides of the contexts, among those whose left side was fully
   * matched, that were right most often when selected (all of them while none ever was), counted
   * before this step updated them. It is worked out during the right crossing's walk over those
   * same contexts instead of in a walk of its own at the end of the previous step (the contexts and
   * their counts are the same; the zero-level context made this step is left out).
   */
  long predictedFacts() {
    return predicted;
  }

  /** Number of contexts stored. */
  int size() {
    return contextCount;
  }

  /**
   * Keeps, in creation order (the reference's order), the left semi-contexts that can still matter:
   * fully matched ones, and partly matched ones with a zero-level context and few enough matched
   * facts to propose.
   */
  private void keepLeft() {
    Side l = left;
    if (crossedLeft.length < l.touchedCount) {
      crossedLeft = new int[Math.max(l.touchedCount, 2 * crossedLeft.length)];
    }
    long[] keep = l.keep;
    int lastWord = -1;
    for (int i = 0; i < l.touchedCount; i++) {
      int semi = l.touched[i];
      int count = l.count[semi];
      if (count == l.length[semi] || (l.zeroLevel[semi] > 0 && count <= maxLeftLength)) {
        keep[semi >>> 6] |= 1L << semi;
        lastWord = Math.max(lastWord, semi >>> 6);
      }
    }
    int n = 0;
    for (int w = 0; w <= lastWord; w++) {
      for (long bits = keep[w]; bits != 0; bits &= bits - 1) {
        crossedLeft[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
      }
      keep[w] = 0;
    }
    crossedLeftCount = n;
  }

  private int add(int l, int r, boolean zeroLevel) {
    ContextTable table = left.contexts[l];
    int e = table.find(r);
    if (e < 0) {
      int id = contextCount++;
      table.insert(r, id, zeroLevel);
      left.zeroLevel[l] += zeroLevel ? 1 : 0;
      return id;
    }
    int flags = ContextTable.STRIDE * e + ContextTable.FLAGS;
    if (zeroLevel && (table.entries[flags] & 1) == 0) {
      table.entries[flags] |= 1;
      left.zeroLevel[l]++;
    }
    return -1;
  }

  private void addActive(int id, int activations, long leftHash, long rightHash) {
    if (activeCount == active.length) {
      int n = 2 * activeCount;
      active = Arrays.copyOf(active, n);
      activeActivations = Arrays.copyOf(activeActivations, n);
      activeLeftHash = Arrays.copyOf(activeLeftHash, n);
      activeRightHash = Arrays.copyOf(activeRightHash, n);
    }
    activeActivations[activeCount] = activations;
    activeLeftHash[activeCount] = leftHash;
    activeRightHash[activeCount] = rightHash;
    active[activeCount++] = id;
  }

  private void propose(int leftSemi, int rightSemi) {
    int bit =
        number(left, leftSemi, leftNumbers) * rightSides + number(right, rightSemi, rightNumbers);
    if (isSeen(bit)) {
      return; // a repeat would find the context its first proposal made
    }
    if ((bit >>> 6) >= seen.length) {
      seen = Arrays.copyOf(seen, Math.max((bit >>> 6) + 1, 2 * seen.length));
    }
    seen[bit >>> 6] |= 1L << bit;
    if (potentialCount == potentialLeft.length) {
      int n = 2 * potentialCount;
      potentialLeft = Arrays.copyOf(potentialLeft, n);
      potentialRight = Arrays.copyOf(potentialRight, n);
      potentialBit = Arrays.copyOf(potentialBit, n);
    }
    potentialLeft[potentialCount] = leftSemi;
    potentialRight[potentialCount] = rightSemi;
    potentialBit[potentialCount++] = bit;
  }

  private boolean isSeen(int bit) {
    return (bit >>> 6) < seen.length && (seen[bit >>> 6] & (1L << bit)) != 0;
  }

  /**
   * The small number of a semi-context's matched facts in this step, one per distinct set of facts
   * (named by their positions among the crossed facts, which within one crossing is the same as
   * naming them by their hash).
   */
  private int number(Side side, int semi, LongIntMap numbers) {
    if (side.proposalStep[semi] != step) {
      side.proposalStep[semi] = step;
      long positions = side.bits[semi];
      int n = numbers.get(positions);
      if (n < 0) {
        n = numbers.size();
        numbers.put(positions, n);
      }
      side.proposalNumber[semi] = n;
    }
    return side.proposalNumber[semi];
  }

  private void clearProposals() {
    for (int p = 0; p < potentialCount; p++) {
      seen[potentialBit[p] >>> 6] = 0;
    }
    potentialCount = 0;
    leftNumbers.clear();
    rightNumbers.clear();
    step++;
  }

  private static long all(int length) {
    if (length > MAX_FACTS) {
      throw new IllegalArgumentException(
          "a side holds at most " + MAX_FACTS + " facts, but was " + length);
    }
    return length == MAX_FACTS ? -1L : (1L << length) - 1;
  }

  /** The semi-contexts of one side, by number, in flat arrays. */
  private static final class Side {
    final boolean isLeft;
    int size;
    int[] length = new int[64];
    long[] hash = new long[64];
    int[] count = new int[64]; // facts held at the last crossing
    long[] bits = new long[64]; // their positions among the crossed facts
    int[] crossing = new int[64]; // the crossing whose matched name is in matchedHash
    long[] matchedHash = new long[64];
    int[] proposalStep = new int[64];
    int[] proposalNumber = new int[64];
    int[] zeroLevel; // left: zero-level contexts it is the left side of
    ContextTable[] contexts; // left: the contexts it is the left side of
    long[] keep; // left: semi-contexts kept by a crossing, as a bit set
    final LongIntMap byHash = new LongIntMap(64);
    final LongIntMap byFact = new LongIntMap(64); // fact -> its posting list
    int[][] postings = new int[64][];
    int[] postingSize = new int[64];
    long[] mask; // right: the facts as ValueFacts.mask
    int[] touched = new int[64];
    int touchedCount;
    long[] facts = new long[MAX_FACTS]; // the facts of the last crossing
    int factCount;
    int crossings;

    Side(boolean isLeft) {
      this.isLeft = isLeft;
      this.zeroLevel = isLeft ? new int[64] : null;
      this.contexts = isLeft ? new ContextTable[64] : null;
      this.keep = isLeft ? new long[1] : null;
      this.mask = isLeft ? null : new long[64];
    }

    /** The semi-context of the facts at {@code positions} of {@code from}, made when new. */
    int semi(long[] from, long positions, long name) {
      int id = byHash.get(name);
      if (id >= 0) {
        return id;
      }
      id = size++;
      if (id == length.length) {
        grow(2 * id);
      }
      length[id] = Long.bitCount(positions);
      hash[id] = name;
      crossing[id] = -1;
      proposalStep[id] = -1;
      byHash.put(name, id);
      if (isLeft) {
        contexts[id] = new ContextTable();
        if ((id >>> 6) >= keep.length) {
          keep = Arrays.copyOf(keep, 2 * keep.length);
        }
      } else {
        long m = 0;
        for (long rest = positions; rest != 0; rest &= rest - 1) {
          m |= 1L << (from[Long.numberOfTrailingZeros(rest)] - ValueFacts.BASE);
        }
        mask[id] = m;
      }
      for (long rest = positions; rest != 0; rest &= rest - 1) {
        long fact = from[Long.numberOfTrailingZeros(rest)];
        int list = byFact.get(fact);
        if (list < 0) {
          list = byFact.size();
          byFact.put(fact, list);
          if (list == postings.length) {
            postings = Arrays.copyOf(postings, 2 * list);
            postingSize = Arrays.copyOf(postingSize, 2 * list);
          }
          postings[list] = new int[8];
        }
        int n = postingSize[list];
        if (n == postings[list].length) {
          postings[list] = Arrays.copyOf(postings[list], 2 * n);
        }
        postings[list][n] = id;
        postingSize[list] = n + 1;
      }
      return id;
    }

    /** Marks in each semi-context holding one of the facts how many and which it holds. */
    void cross(long[] with, int n) {
      all(n);
      for (int i = 0; i < touchedCount; i++) {
        count[touched[i]] = 0;
        bits[touched[i]] = 0;
      }
      touchedCount = 0;
      crossings++;
      System.arraycopy(with, 0, facts, 0, n);
      factCount = n;
      for (int k = 0; k < n; k++) {
        int list = byFact.get(with[k]);
        if (list < 0) {
          continue;
        }
        int[] ids = postings[list];
        int size = postingSize[list];
        long bit = 1L << k;
        for (int j = 0; j < size; j++) {
          int id = ids[j];
          if (bits[id] == 0) {
            touched[touchedCount++] = id;
          }
          bits[id] |= bit;
        }
      }
      for (int i = 0; i < touchedCount; i++) {
        count[touched[i]] = Long.bitCount(bits[touched[i]]);
      }
    }

    /** The name of the facts this semi-context matched at the last crossing. */
    long matchedHash(int id) {
      if (crossing[id] != crossings) {
        crossing[id] = crossings;
        matchedHash[id] = FactHash.ofSubset(facts, bits[id]);
      }
      return matchedHash[id];
    }

    private void grow(int n) {
      length = Arrays.copyOf(length, n);
      hash = Arrays.copyOf(hash, n);
      count = Arrays.copyOf(count, n);
      bits = Arrays.copyOf(bits, n);
      crossing = Arrays.copyOf(crossing, n);
      matchedHash = Arrays.copyOf(matchedHash, n);
      proposalStep = Arrays.copyOf(proposalStep, n);
      proposalNumber = Arrays.copyOf(proposalNumber, n);
      touched = Arrays.copyOf(touched, n);
      if (isLeft) {
        zeroLevel = Arrays.copyOf(zeroLevel, n);
        contexts = Arrays.copyOf(contexts, n);
      } else {
        mask = Arrays.copyOf(mask, n);
      }
    }
  }
}
