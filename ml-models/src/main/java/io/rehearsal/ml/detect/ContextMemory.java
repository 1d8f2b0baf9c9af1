package io.rehearsal.ml.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
final class ContextMemory {

  static final int LEFT = 0;
  static final int RIGHT = 1;
  private static final List<Semi> NONE = List.of();
  private static final Comparator<Semi> BY_ID = Comparator.comparingInt(s -> s.id);

  private final int maxLeftLength;
  private final List<List<Semi>> semis = List.of(new ArrayList<>(), new ArrayList<>());
  private final List<Map<Long, Semi>> byHash = List.of(new HashMap<>(), new HashMap<>());
  private final List<Map<Long, List<Semi>>> byFact = List.of(new HashMap<>(), new HashMap<>());
  private final List<List<Semi>> crossed =
      new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
  private final List<List<Semi>> touched = List.of(new ArrayList<>(), new ArrayList<>());
  private final List<Context> contexts = new ArrayList<>();

  /**
   * @param maxLeftLength longest matched left part that may make a potential new context
   */
  ContextMemory(int maxLeftLength) {
    this.maxLeftLength = maxLeftLength;
  }

  /** A sorted set of facts with its name ({@link FactHash}). */
  record Facts(long[] facts, long hash) {
    static Facts of(long[] facts) {
      return new Facts(facts, FactHash.of(facts));
    }
  }

  /** A possible context: the facts of its two sides. */
  record Potential(Facts left, Facts right) {}

  /**
   * The distinct potential contexts of one step, in the order first proposed. Each side's matched
   * facts get a small number once per semi-context, so a repeat costs one bit test.
   */
  static final class Proposals {
    private final Map<Long, Integer> leftNumbers = new HashMap<>();
    private final Map<Long, Integer> rightNumbers = new HashMap<>();
    private final BitSet seen = new BitSet();
    private final List<Potential> list = new ArrayList<>();
    private final int rightSides;

    private Proposals(int rightSides) {
      this.rightSides = rightSides;
    }

    /** The potentials, each once. */
    List<Potential> list() {
      return list;
    }

    /** Whether a context with these two sides was proposed. */
    boolean contains(Facts left, Facts right) {
      Integer l = leftNumbers.get(left.hash());
      Integer r = rightNumbers.get(right.hash());
      return l != null && r != null && seen.get(l * rightSides + r);
    }

    private void propose(Semi left, Semi right) {
      int bit = number(left, leftNumbers) * rightSides + number(right, rightNumbers);
      if (!seen.get(bit)) {
        seen.set(bit); // a repeat would find the context its first proposal made
        list.add(new Potential(left.matched(), right.matched()));
      }
    }

    private int number(Semi s, Map<Long, Integer> numbers) {
      if (s.proposals != this) {
        s.proposals = this;
        s.proposalNumber = numbers.computeIfAbsent(s.matched().hash(), k -> numbers.size());
      }
      return s.proposalNumber;
    }
  }

  /** A context whose right side matched the current facts, with what orders the active ones. */
  record Active(int id, int activations, long leftHash, long rightHash) {}

  /**
   * What the selected contexts did with this step's facts.
   *
   * @param active contexts whose right side is fully present
   * @param selected contexts whose left side was fully present last step
   * @param potentials distinct potential new contexts, in the order they were first proposed
   */
  record Selection(List<Active> active, int selected, Proposals potentials) {}

  /** What the left crossing gave: contexts really new among the potentials, and the prediction. */
  record Prediction(int added, long predictedFacts) {}

  /**
   * Stores a whole step as a zero-level context unless it is known (then marks it zero-level).
   *
   * @return the new context's number, or -1 when it was already known
   */
  int addZeroLevel(Facts left, Facts right) {
    return add(left, right, true);
  }

  /**
   * Crosses the right side with the current value's facts, then updates every context selected by
   * last step's left crossing and returns the active ones, the number selected, and (when {@code
   * newStep}: this step's zero-level context was new) the potential new contexts.
   *
   * @param skip a context left out of the update: the one just made, or context 0 when none was
   *     (the reference compares the context number with a "none" flag that equals 0)
   */
  Selection crossRight(long[] facts, boolean newStep, int skip) {
    cross(RIGHT, facts);
    List<Active> active = new ArrayList<>();
    Proposals potentials = new Proposals(semis.get(RIGHT).size());
    int selected = 0;
    for (Semi left : crossed.get(LEFT)) {
      boolean full = left.count == left.length;
      if (!full && !newStep) {
        continue; // a partly matched left side only proposes, from its zero-level contexts
      }
      for (int slot = 0; slot < left.contexts.capacity(); slot++) {
        int rightId = left.contexts.keyAt(slot);
        if (rightId < 0 || left.contexts.valueAt(slot) == skip) {
          continue;
        }
        int id = left.contexts.valueAt(slot);
        Context c = contexts.get(id);
        Semi right = semis.get(RIGHT).get(rightId);
        boolean propose = c.zeroLevel && newStep && right.count > 0 && left.count <= maxLeftLength;
        if (full) {
          selected++;
          c.selected += right.length;
          c.matched += right.count;
          if (right.count > 0 && right.count == right.length) {
            c.activations++;
            active.add(new Active(id, c.activations, c.leftHash, c.rightHash));
            continue;
          }
        }
        if (propose) {
          potentials.propose(left, right);
        }
      }
    }
    return new Selection(active, selected, potentials);
  }

  /**
   * Stores the potential new contexts, crosses the left side with this step's facts and predicts
   * the next value's facts: the right sides of the contexts, among those whose left side is fully
   * matched, that were right most often when selected (all of them while none ever was).
   */
  Prediction crossLeft(long[] facts, List<Potential> potentials) {
    int added = 0;
    for (Potential p : potentials) {
      added += add(p.left(), p.right(), false) >= 0 ? 1 : 0;
    }
    cross(LEFT, facts);
    double best = 0.0;
    List<Context> predicting = new ArrayList<>();
    for (Semi left : crossed.get(LEFT)) {
      if (left.count != left.length) {
        continue;
      }
      for (int slot = 0; slot < left.contexts.capacity(); slot++) {
        if (left.contexts.keyAt(slot) < 0) {
          continue;
        }
        Context c = contexts.get(left.contexts.valueAt(slot));
        double weight = c.selected > 0 ? (double) c.matched / c.selected : 0.0;
        if (weight > best) {
          best = weight;
          predicting.clear();
        }
        if (weight == best) {
          predicting.add(c);
        }
      }
    }
    long predicted = 0;
    for (Context c : predicting) {
      predicted |= c.rightMask;
    }
    return new Prediction(added, predicted);
  }

  private int add(Facts left, Facts right, boolean zeroLevel) {
    Semi l = semi(LEFT, left);
    Semi r = semi(RIGHT, right);
    int next = contexts.size();
    int id = l.contexts.putIfAbsent(r.id, next);
    if (id == next) {
      contexts.add(new Context(right.facts(), zeroLevel, l.hash, r.hash));
      l.zeroLevelContexts += zeroLevel ? 1 : 0;
      return id;
    }
    Context known = contexts.get(id);
    if (zeroLevel && !known.zeroLevel) {
      known.zeroLevel = true;
      l.zeroLevelContexts++;
    }
    return -1;
  }

  private Semi semi(int side, Facts facts) {
    Semi s = byHash.get(side).get(facts.hash());
    if (s == null) {
      s = new Semi(semis.get(side).size(), facts.facts().length, facts.hash(), side == LEFT);
      semis.get(side).add(s);
      byHash.get(side).put(facts.hash(), s);
      for (long f : facts.facts()) {
        byFact.get(side).computeIfAbsent(f, k -> new ArrayList<>()).add(s);
      }
    }
    return s;
  }

  /**
   * Marks in each semi-context of a side which of the given facts it holds, and keeps, in creation
   * order (the reference's order), those that can still matter: fully matched ones, and on the left
   * partly matched ones with a zero-level context and few enough matched facts to propose.
   */
  private void cross(int side, long[] facts) {
    List<Semi> touched = this.touched.get(side);
    for (Semi s : touched) {
      s.count = 0;
      s.matched = null;
    }
    touched.clear();
    for (long f : facts) {
      for (Semi s : byFact.get(side).getOrDefault(f, NONE)) {
        if (s.count == 0) {
          touched.add(s);
        }
        s.match(f);
      }
    }
    List<Semi> now = new ArrayList<>();
    for (Semi s : touched) {
      if (side == RIGHT || s.count == s.length || mayPropose(s)) {
        now.add(s);
      }
    }
    now.sort(BY_ID);
    crossed.set(side, now);
  }

  private boolean mayPropose(Semi left) {
    return left.zeroLevelContexts > 0 && left.count <= maxLeftLength;
  }

  /** One side of some contexts: its number, how many facts it has, those matched at present. */
  private static final class Semi {
    final int id;
    final int length;
    final long hash;
    final SlotOrderedMap contexts; // right semi-context number -> context number (left side only)
    long[] matchedFacts = new long[4];
    Facts matched;
    Proposals proposals; // the step whose proposal number this semi-context holds
    int proposalNumber;
    int count;
    int zeroLevelContexts;

    Semi(int id, int length, long hash, boolean left) {
      this.id = id;
      this.length = length;
      this.hash = hash;
      this.contexts = left ? new SlotOrderedMap() : null;
    }

    void match(long fact) {
      if (count == matchedFacts.length) {
        matchedFacts = Arrays.copyOf(matchedFacts, 2 * count);
      }
      matchedFacts[count++] = fact;
    }

    /** The facts matched by the last crossing, named once per crossing. */
    Facts matched() {
      if (matched == null) {
        matched = Facts.of(Arrays.copyOf(matchedFacts, count));
      }
      return matched;
    }
  }

  /** A context: how often it was selected and right, and its right side's facts. */
  private static final class Context {
    final long rightMask;
    final long leftHash;
    final long rightHash;
    boolean zeroLevel;
    long selected;
    long matched;
    int activations;

    Context(long[] right, boolean zeroLevel, long leftHash, long rightHash) {
      this.rightMask = ValueFacts.mask(right);
      this.zeroLevel = zeroLevel;
      this.leftHash = leftHash;
      this.rightHash = rightHash;
    }
  }
}
