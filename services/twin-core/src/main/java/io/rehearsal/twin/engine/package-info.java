/**
 * The discrete-event engine of the twin. {@link io.rehearsal.twin.engine.Engine} is the only public
 * type: it compiles a spec once ({@code Model}) and runs replications of it, each a {@code Sim}
 * with its own state.
 *
 * <h2>Where to start reading</h2>
 *
 * <ul>
 *   <li>{@code Sim}: the run loop and the table of every event kind, its payload, who schedules it
 *       and what its handler does.
 *   <li>{@code Flow} (a request at a service: admission, self time, call groups, answer), {@code
 *       CallFlow} (outgoing calls: breaker, timeout, retry), {@code Backends} (dependencies,
 *       caches, databases), {@code Traffic} (arrivals and sessions), {@code Control} (replicas,
 *       faults, remediations), {@code Autoscaling}.
 *   <li>{@code EventQueue} and {@code Timers}: the time-ordered parts, merged in the run loop.
 * </ul>
 *
 * <h2>Where the state lives</h2>
 *
 * <p>Everything is addressed by small ints: endpoints, calls, services, hosts, regions, backends
 * (numbered by {@code Model}), and during a run request handles, call slots, replicas and sessions.
 * Each owner keeps its state as parallel arrays indexed by those ints:
 *
 * <ul>
 *   <li>{@code Model}: the compiled spec, immutable and shared by replications.
 *   <li>{@code Requests}: requests in flight (by handle): the request, the CPU part of its self
 *       time and its call slots ({@code handle * SLOTS + i}), kept flat for speed (its class
 *       comment says why).
 *   <li>{@code Replicas}: replica state, busy workers, waiting queues, per-service integrals.
 *   <li>{@code Knobs}: the values faults and remediations change during a run, marked in groups for
 *       services, calls, dependencies, databases, caches, traffic sources and the network, also
 *       kept flat for speed.
 *   <li>{@code CpuHosts}, {@code Breakers}, {@code TimeoutRings}, {@code Recorder}: the state of
 *       one mechanism each.
 * </ul>
 *
 * <p>Arrays rather than one object per request or call: a run handles millions of events, and
 * pooled primitive arrays keep it free of allocation and of pointer chasing. The hottest of them
 * ({@code Requests}, {@code Knobs}) stay flat fields of one class each, their groups marked by
 * comments: holder objects per group measured slower (the class comments give the figures).
 *
 * <h2>Rules every handler keeps</h2>
 *
 * <ul>
 *   <li>Stale events are ignored, not removed: an event carries the generation (request, replica,
 *       session, autoscaler) or slot token (call attempt) it was scheduled for.
 *   <li>Randomness comes only from named streams ({@code StreamFactory}), one per purpose and part,
 *       and a draw is skipped only where it cannot change an outcome (the comments say why), so two
 *       runs with the same seed match bit for bit.
 *   <li>Int codes stand in for enums on the hot path ({@code Status}, {@code Model.ENDPOINT} and
 *       the other call kinds, replica states); {@code OrdinalCouplingTest} guards those that must
 *       line up with an enum or index an array.
 * </ul>
 */
package io.rehearsal.twin.engine;
