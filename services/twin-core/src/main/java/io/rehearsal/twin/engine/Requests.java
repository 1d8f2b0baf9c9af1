package io.rehearsal.twin.engine;

import io.rehearsal.twin.spec.EndpointSpec;
import java.util.Arrays;

/**
 * Pooled state of requests in flight, addressed by int handles into parallel arrays; freed handles
 * are reused, so a steady-state run allocates nothing per request. Each request owns {@link
 * EndpointSpec#MAX_PARALLEL} call slots ({@code handle * MAX_PARALLEL + i}) for the calls of its
 * current group.
 *
 * <p>Generations make stale events harmless: an event names a handle and the generation it was
 * scheduled for, and freeing a handle bumps its generation. Slot tokens do the same for calls: a
 * timeout, retry or response is acted on only if the slot's token still matches; freeing a handle
 * bumps the tokens of the slots it used (the widest group it issued).
 *
 * <p>The arrays fall into three groups by owner, marked below: the request itself (read by {@link
 * Flow} and {@link CallFlow}), the CPU part of its self time (by {@link CpuHosts} and {@link
 * CpuSharing}) and its call slots (by {@link CallFlow}). They stay flat fields of this one class on
 * purpose: they are the hottest state of the engine, read on nearly every event by handlers that
 * the JIT inlines together into the run loop. Holder objects per group ({@code q.cpu.left[h]},
 * {@code q.slots.token[s]}) were tried and measured: the hot methods kept their bytecode size and
 * their number of loads, but each handler then keeps one more object live beside {@code q} (likely
 * more register pressure in the inlined loop), and {@code rehearsal twin bench} put the grouped
 * engine about 5% lower (median engine_vs_lean 0.229 against 0.241, eight alternating runs each),
 * more than the 3% margin the speed target leaves. An object per request would cost more still: an
 * allocation per request and a pointer chase per access, where a parallel array is one bounds check
 * and keeps neighbouring handles in one cache line.
 */
final class Requests {
  static final int SLOTS = EndpointSpec.MAX_PARALLEL;
  static final int NONE = -1;

  // The request itself.

  /** Generation of each handle, bumped when it is freed (events name the one they were for). */
  int[] gen;

  int[] endpoint;

  /** The replica serving the request, or {@link #NONE} before admission. */
  int[] replica;

  /** The caller's call slot this request answers, or {@link #NONE} for an entry request. */
  int[] parentSlot;

  int[] parentToken;

  /** The session that sent this entry request, or {@link #NONE}. */
  int[] session;

  /** The next call group to issue. */
  int[] group;

  /** Calls of the current group not answered yet, plus one while the group is being issued. */
  int[] pending;

  /** The {@link Status} the request ends with so far (a failed required call sets it). */
  int[] failure;

  /** The next request in its replica's FIFO queue, or {@link #NONE}. */
  int[] nextInQueue;

  /** The replica of the caller (for network delays), or {@link #NONE}. */
  int[] callerReplica;

  boolean[] holdsWorker;
  boolean[] active;

  /** When the request arrived at its service. */
  double[] arrival;

  /** When a worker took it up (its arrival until then): where a server span starts. */
  double[] startedAt;

  // The CPU part of its self time, by handle (CpuHosts, CpuSharing).

  /** CPU-seconds still to run while the job shares a host or a capped replica. */
  double[] cpuLeft;

  /** Cores the job gets while its host is saturated (set by {@link CpuSharing}). */
  double[] cpuRate;

  /** The order in which jobs' CPU phases reached their hosts (first-come hosts serve by it). */
  long[] cpuOrder;

  /** Non-CPU wait after the CPU part, before the self time ends. */
  double[] waitAfterCpu;

  /** When the CPU part ends while the job runs free. */
  double[] cpuEnd;

  /** Moves on when a scheduled end is revoked, so a SELF_DONE for the old end is stale. */
  int[] cpuEpoch;

  /** Event-queue ticket of the scheduled end, to withdraw it. */
  int[] cpuTicket;

  /** Position in its host's job list, or {@link #NONE} when not on a host. */
  int[] cpuIndex;

  /** Position in its replica's job list. */
  int[] cpuReplicaIndex;

  // Call slots, by slot h * SLOTS + i (CallFlow).

  /** Moves on with every attempt and answer; events for an older token are stale. */
  int[] slotToken;

  /** Retries made so far. */
  int[] slotAttempt;

  /** The call (index into {@code Model.Calls}) the slot is making. */
  int[] slotCall;

  /** By handle: the widest group the request issued, so freeing it retires that many slots. */
  int[] slotsUsed;

  private int[] free;
  private int freeCount;
  private int capacity;
  private int inUse;

  Requests(int initialCapacity) {
    capacity = 0;
    free = new int[0];
    grow(Math.max(64, initialCapacity));
  }

  int allocate() {
    if (freeCount == 0) {
      grow(capacity * 2);
    }
    int h = free[--freeCount];
    active[h] = true;
    inUse++;
    holdsWorker[h] = false;
    failure[h] = Status.OK;
    nextInQueue[h] = NONE;
    session[h] = NONE;
    callerReplica[h] = NONE;
    replica[h] = NONE;
    cpuIndex[h] = NONE;
    slotsUsed[h] = 0;
    return h;
  }

  void release(int h) {
    active[h] = false;
    gen[h]++;
    int base = h * SLOTS;
    for (int i = 0; i < slotsUsed[h]; i++) {
      slotToken[base + i]++;
    }
    free[freeCount++] = h;
    inUse--;
  }

  int capacity() {
    return capacity;
  }

  int inUse() {
    return inUse;
  }

  private void grow(int newCapacity) {
    int old = capacity;
    gen = Arrays.copyOf(gen == null ? new int[0] : gen, newCapacity);
    endpoint = copy(endpoint, newCapacity);
    replica = copy(replica, newCapacity);
    parentSlot = copy(parentSlot, newCapacity);
    parentToken = copy(parentToken, newCapacity);
    session = copy(session, newCapacity);
    group = copy(group, newCapacity);
    pending = copy(pending, newCapacity);
    failure = copy(failure, newCapacity);
    nextInQueue = copy(nextInQueue, newCapacity);
    callerReplica = copy(callerReplica, newCapacity);
    holdsWorker =
        holdsWorker == null ? new boolean[newCapacity] : Arrays.copyOf(holdsWorker, newCapacity);
    active = active == null ? new boolean[newCapacity] : Arrays.copyOf(active, newCapacity);
    arrival = copy(arrival, newCapacity);
    startedAt = copy(startedAt, newCapacity);
    cpuLeft = copy(cpuLeft, newCapacity);
    cpuRate = copy(cpuRate, newCapacity);
    cpuOrder = cpuOrder == null ? new long[newCapacity] : Arrays.copyOf(cpuOrder, newCapacity);
    waitAfterCpu = copy(waitAfterCpu, newCapacity);
    cpuEnd = copy(cpuEnd, newCapacity);
    cpuEpoch = copy(cpuEpoch, newCapacity);
    cpuTicket = copy(cpuTicket, newCapacity);
    cpuIndex = copy(cpuIndex, newCapacity);
    cpuReplicaIndex = copy(cpuReplicaIndex, newCapacity);
    slotToken = copy(slotToken, newCapacity * SLOTS);
    slotAttempt = copy(slotAttempt, newCapacity * SLOTS);
    slotCall = copy(slotCall, newCapacity * SLOTS);
    slotsUsed = copy(slotsUsed, newCapacity);
    int[] newFree = Arrays.copyOf(free, newCapacity);
    for (int h = newCapacity - 1; h >= old; h--) {
      newFree[freeCount++] = h;
    }
    free = newFree;
    capacity = newCapacity;
  }

  private static int[] copy(int[] array, int length) {
    return array == null ? new int[length] : Arrays.copyOf(array, length);
  }

  private static double[] copy(double[] array, int length) {
    return array == null ? new double[length] : Arrays.copyOf(array, length);
  }
}
