package io.rehearsal.gateway.decision;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which groups a reviewer belongs to: the one place every review channel (gRPC, Slack, the review
 * page) gets them from, because {@link DecisionDesk#approve} asks it for whoever the channel
 * authenticated. A decision whose policy rule named approver groups takes approvals only from
 * reviewers in one of them.
 */
@FunctionalInterface
public interface ApproverDirectory {

  /** Nobody belongs to any group: only decisions without approver groups can be approved. */
  ApproverDirectory NONE = reviewer -> Set.of();

  /**
   * The groups {@code reviewer} belongs to, sorted; empty when the directory does not know them.
   */
  Set<String> groupsOf(String reviewer);

  /**
   * A fixed directory, e.g. from {@code rehearsal.gateway.approvers."alice@example.com".groups}.
   *
   * @param groups reviewer identity to the groups it belongs to
   * @throws IllegalArgumentException when an identity or a group is blank, naming it
   */
  static ApproverDirectory of(Map<String, ? extends Collection<String>> groups) {
    Map<String, Set<String>> copy = new TreeMap<>();
    groups.forEach(
        (who, names) -> {
          if (who.isBlank()) {
            throw new IllegalArgumentException(
                "approver identity must not be blank: '" + who + "'");
          }
          Set<String> cleaned = new TreeSet<>();
          for (String name : names) {
            if (name.isBlank()) {
              throw new IllegalArgumentException(
                  "approver " + who + " has a blank group in " + names);
            }
            cleaned.add(name.strip());
          }
          copy.put(who.strip(), Set.copyOf(cleaned));
        });
    Map<String, Set<String>> frozen = Map.copyOf(copy);
    return reviewer -> new TreeSet<>(frozen.getOrDefault(reviewer.strip(), Set.of()));
  }
}
