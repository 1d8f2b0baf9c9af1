package io.rehearsal.gateway.security;

import io.grpc.Context;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the channel authenticated it.
 *
 * @param name the identity: a token's {@code upn}/{@code preferred_username}/{@code sub}, or a
 *     client certificate's subject CN
 * @param roles the roles it holds (a token's {@code groups}; a certificate's configured roles)
 * @param mechanism how it was authenticated: {@code jwt} or {@code mtls}
 */
public record Caller(String name, Set<String> roles, String mechanism) {

  /**
   * The caller of the current gRPC call, set by the authorisation interceptor for every call it
   * lets through (absent on public probes). Read it with {@link #current()}.
   */
  public static final Context.Key<Caller> KEY = Context.key("rehearsal.caller");

  /** Validates once: a caller always has a name. */
  public Caller {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("caller name must not be blank, but was '" + name + "'");
    }
    roles = Set.copyOf(roles);
  }

  /**
   * The caller's groups that are not gateway roles, sorted: a token's {@code groups} claim holds
   * both its roles and the approver groups its holder belongs to.
   */
  public Set<String> groups() {
    Set<String> groups = new java.util.TreeSet<>(roles);
    groups.removeAll(RpcRoles.ROLES);
    return groups;
  }

  /** The authenticated caller of the current gRPC call, if any. */
  public static Optional<Caller> current() {
    return Optional.ofNullable(KEY.get());
  }
}
