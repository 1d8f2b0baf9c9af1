package io.rehearsal.gateway.security;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.rehearsal.gateway.decision.ApproverDirectory;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The gateway's approver directory: the configured groups of a reviewer ({@code
 * rehearsal.gateway.approvers."<identity>".groups}), plus, when the reviewer is the authenticated
 * caller of the current gRPC call, that caller's token groups which are not roles, and, when the
 * reviewer is signed in to the review page through OIDC, the groups of their ID token which are not
 * roles. Slack and the page's users file reach it through {@code DecisionDesk.approve} with the
 * identity they authenticated, and for them only the configuration counts.
 */
public final class CallerGroups implements ApproverDirectory {

  private final ApproverDirectory configured;
  private final Supplier<Optional<Caller>> pageReviewer;

  /**
   * @param configured the groups from the configuration
   */
  public CallerGroups(ApproverDirectory configured) {
    this(configured, Optional::empty);
  }

  /**
   * @param configured the groups from the configuration
   * @param pageReviewer the reviewer signed in to the review page by OIDC in the current request
   */
  public CallerGroups(ApproverDirectory configured, Supplier<Optional<Caller>> pageReviewer) {
    this.configured = configured;
    this.pageReviewer = pageReviewer;
  }

  @Override
  public Set<String> groupsOf(String reviewer) {
    Set<String> groups = new TreeSet<>(configured.groupsOf(reviewer));
    Caller.current()
        .or(pageReviewer)
        .filter(c -> c.name().strip().equals(reviewer.strip()))
        .ifPresent(c -> groups.addAll(c.groups()));
    return groups;
  }

  /**
   * The reviewer the current HTTP request signed in with OIDC's code flow (its identity carries the
   * ID token), as a caller with mechanism {@code oidc}; empty outside a request, for anonymous
   * requests and for every other sign-in.
   */
  public static Supplier<Optional<Caller>> oidcReviewer(CurrentIdentityAssociation identities) {
    return () -> {
      if (!Arc.container().requestContext().isActive()) {
        return Optional.empty();
      }
      SecurityIdentity identity = identities.getIdentity();
      if (identity == null
          || identity.isAnonymous()
          || identity.getCredential(IdTokenCredential.class) == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Caller(identity.getPrincipal().getName(), identity.getRoles(), "oidc"));
    };
  }
}
