package io.rehearsal.gateway.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApproverDirectoryTest {

  @Test
  void shouldAnswerSortedGroupsWhenTheReviewerIsConfigured() {
    ApproverDirectory d =
        ApproverDirectory.of(Map.of("alice@example.com", List.of("sre", " payments")));

    assertThat(d.groupsOf("alice@example.com")).containsExactly("payments", "sre");
    assertThat(d.groupsOf("bob@example.com")).isEmpty();
    assertThat(ApproverDirectory.NONE.groupsOf("alice@example.com")).isEmpty();
  }

  @Test
  void shouldRefuseABlankGroupWhenConfigured() {
    assertThatThrownBy(() -> ApproverDirectory.of(Map.of("alice", List.of("sre", " "))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("approver alice has a blank group");
    assertThatThrownBy(() -> ApproverDirectory.of(Map.of(" ", List.of("sre"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be blank");
  }
}
