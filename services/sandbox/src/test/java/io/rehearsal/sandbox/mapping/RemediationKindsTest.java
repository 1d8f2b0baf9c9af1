package io.rehearsal.sandbox.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.proto.v1.Remediation;
import io.rehearsal.twin.spec.RemediationKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemediationKindsTest {

  @ParameterizedTest
  @EnumSource(
      value = Remediation.ActionCase.class,
      names = "ACTION_NOT_SET",
      mode = EnumSource.Mode.EXCLUDE)
  void shouldMapEveryActionWhenItIsSet(Remediation.ActionCase action) {
    assertThat(RemediationKinds.twinKind(action, "c")).isNotNull();
    assertThat(RemediationKinds.protoKind(action).getNumber()).isEqualTo(action.getNumber());
  }

  @Test
  void shouldReachEveryTwinKindWhenAllActionsAreMapped() {
    Set<RemediationKind> reached =
        Arrays.stream(Remediation.ActionCase.values())
            .filter(a -> a != Remediation.ActionCase.ACTION_NOT_SET)
            .map(a -> RemediationKinds.twinKind(a, "c"))
            .collect(Collectors.toSet());

    assertThat(reached).isEqualTo(EnumSet.allOf(RemediationKind.class));
  }

  @Test
  void shouldNameTheFieldWhenNoActionIsSet() {
    assertThatThrownBy(
            () -> RemediationKinds.twinKind(Remediation.ActionCase.ACTION_NOT_SET, "candidates[1]"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("candidates[1]"));
  }
}
