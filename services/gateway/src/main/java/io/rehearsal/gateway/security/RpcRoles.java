package io.rehearsal.gateway.security;

import io.grpc.Status;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one table of who may call what: each gRPC method (full name) maps to the roles that may call
 * it, a few probes are public, and every method not named here is denied — a new RPC stays closed
 * until someone writes its row.
 */
public final class RpcRoles {

  /** Loops that submit remediations, follow decisions and report outcomes. */
  public static final String AUTOMATION = "automation";

  /** People who review: approve, reject, cancel, ask why. */
  public static final String ONCALL = "oncall";

  /** Operators: policies, kill switch, dead letters, shadow ledger. */
  public static final String ADMIN = "admin";

  /** Every role name; a token's other groups are approver groups ({@link Caller#groups()}). */
  public static final Set<String> ROLES = Set.of(AUTOMATION, ONCALL, ADMIN);

  private static final String GATEWAY = "rehearsal.v1.PolicyGateway/";

  /** Probes that answer without a credential: they reveal no decision and change nothing. */
  private static final Set<String> PUBLIC_SERVICES =
      Set.of(
          "grpc.health.v1.Health",
          // Reflection is registered only in dev and test mode
          // (quarkus.grpc.server.enable-reflection-service).
          "grpc.reflection.v1.ServerReflection",
          "grpc.reflection.v1alpha.ServerReflection");

  private static final Map<String, Set<String>> TABLE = table();

  private RpcRoles() {}

  private static Map<String, Set<String>> table() {
    Map<String, Set<String>> t = new TreeMap<>();
    t.put(GATEWAY + "Submit", Set.of(AUTOMATION));
    t.put(GATEWAY + "WatchDecisions", Set.of(AUTOMATION));
    t.put(GATEWAY + "ReportOutcome", Set.of(AUTOMATION));
    t.put(GATEWAY + "GetDecision", Set.of(AUTOMATION, ONCALL));
    t.put(GATEWAY + "Approve", Set.of(ONCALL));
    t.put(GATEWAY + "Reject", Set.of(ONCALL));
    t.put(GATEWAY + "Cancel", Set.of(ONCALL));
    t.put(GATEWAY + "Explain", Set.of(ONCALL));
    t.put(GATEWAY + "ListDeadLetters", Set.of(ADMIN));
    t.put(GATEWAY + "RetryDeadLetter", Set.of(ADMIN));
    t.put(GATEWAY + "ListShadowLedger", Set.of(ADMIN));
    t.put(GATEWAY + "SetKillSwitch", Set.of(ADMIN));
    t.put(GATEWAY + "GetKillSwitch", Set.of(ADMIN, ONCALL));
    return Map.copyOf(t);
  }

  /** The gateway methods that have a row, sorted; everything else is denied. */
  public static List<String> methods() {
    return List.copyOf(new TreeMap<>(TABLE).keySet());
  }

  /** The roles allowed to call {@code fullMethodName}; empty when the method has no row. */
  public static Set<String> rolesFor(String fullMethodName) {
    return TABLE.getOrDefault(fullMethodName, Set.of());
  }

  /** Whether {@code fullMethodName} answers without a credential. */
  public static boolean isPublic(String fullMethodName) {
    int slash = fullMethodName.lastIndexOf('/');
    return slash > 0 && PUBLIC_SERVICES.contains(fullMethodName.substring(0, slash));
  }

  /**
   * Decides one call: empty when it may proceed, else the refusal — UNAUTHENTICATED without a
   * caller, PERMISSION_DENIED for a method without a row or a caller without one of its roles.
   */
  public static Optional<Status> refusal(String fullMethodName, Optional<Caller> caller) {
    if (isPublic(fullMethodName)) {
      return Optional.empty();
    }
    if (caller.isEmpty()) {
      return Optional.of(
          Status.UNAUTHENTICATED.withDescription(
              fullMethodName
                  + " needs a credential: a bearer token (Authorization: Bearer <JWT>) or a"
                  + " client certificate"));
    }
    Set<String> allowed = rolesFor(fullMethodName);
    if (allowed.isEmpty()) {
      return Optional.of(
          Status.PERMISSION_DENIED.withDescription(
              fullMethodName + " is not open to any role (deny by default)"));
    }
    if (!intersects(allowed, caller.get().roles())) {
      return Optional.of(
          Status.PERMISSION_DENIED.withDescription(
              fullMethodName
                  + " needs one of the roles "
                  + allowed.stream().sorted().toList()
                  + ", but "
                  + caller.get().name()
                  + " has "
                  + caller.get().roles().stream().sorted().toList()));
    }
    return Optional.empty();
  }

  private static boolean intersects(Collection<String> a, Collection<String> b) {
    return a.stream().anyMatch(b::contains);
  }
}
