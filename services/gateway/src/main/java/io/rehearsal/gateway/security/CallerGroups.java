package io.rehearsal.gateway.security;

import io.rehearsal.gateway.decision.ApproverDirectory;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's approver directory: the configured groups of a reviewer ({@code
 * rehearsal.gateway.approvers."<identity>".groups}), plus, when the reviewer is the authenticated
 * caller of the current gRPC call, that caller's token groups which are not roles. Slack and the
 * review page reach it through {@code DecisionDesk.approve} with the identity they authenticated,
 * and outside a gRPC call only the configuration counts.
 */
public final class CallerGroups implements ApproverDirectory {

  private final ApproverDirectory configured;

  /**
   * @param configured the groups from the configuration
   */
  public CallerGroups(ApproverDirectory configured) {
    this.configured = configured;
  }

  @Override
  public Set<String> groupsOf(String reviewer) {
    Set<String> groups = new TreeSet<>(configured.groupsOf(reviewer));
    Caller.current()
        .filter(c -> c.name().strip().equals(reviewer.strip()))
        .ifPresent(c -> groups.addAll(c.groups()));
    return groups;
  }
}
