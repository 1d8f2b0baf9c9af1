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
 */
final class Requests {
  static final int SLOTS = EndpointSpec.MAX_PARALLEL;
  static final int NONE = -1;

  int[] gen;
  int[] endpoint;
  int[] replica;
  int[] parentSlot;
  int[] parentToken;
  int[] session;
  int[] group;
  int[] pending;
  int[] failure;
  int[] nextInQueue;
  int[] callerReplica;
  boolean[] holdsWorker;
  boolean[] active;
  double[] arrival;
  double[] cpuLeft;
  double[] cpuRate;
  double[] waitAfterCpu;
  double[] cpuEnd;
  int[] cpuEpoch;
  int[] cpuTicket;
  int[] cpuIndex;
  int[] cpuReplicaIndex;
  int[] slotToken;
  int[] slotAttempt;
  int[] slotCall;
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
    cpuLeft = copy(cpuLeft, newCapacity);
    cpuRate = copy(cpuRate, newCapacity);
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
