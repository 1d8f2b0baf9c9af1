package io.rehearsal.proto.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RemediationKind mirrors Remediation's action oneof: same numbers, matching names. */
class RemediationKindTest {

  private static final OneofDescriptor ACTION =
      Remediation.getDescriptor().getOneofs().stream()
          .filter(o -> o.getName().equals("action"))
          .findFirst()
          .orElseThrow();

  @Test
  void shouldHaveOneKindPerActionWhenComparedWithTheOneof() {
    for (FieldDescriptor field : ACTION.getFields()) {
      RemediationKind kind = RemediationKind.forNumber(field.getNumber());

      assertThat(kind).as(field.getName()).isNotNull();
      assertThat(kind.name())
          .isEqualTo("REMEDIATION_KIND_" + field.getName().toUpperCase(Locale.ROOT));
    }
    assertThat(RemediationKind.getDescriptor().getValues()).hasSize(ACTION.getFieldCount() + 1);
  }

  @ParameterizedTest
  @EnumSource(Remediation.ActionCase.class)
  void shouldMapActionCaseToKindWhenUsingTheFieldNumber(Remediation.ActionCase action) {
    RemediationKind kind = RemediationKind.forNumber(action.getNumber());

    String expected =
        action == Remediation.ActionCase.ACTION_NOT_SET
            ? "REMEDIATION_KIND_UNSPECIFIED"
            : "REMEDIATION_KIND_" + action.name();
    assertThat(kind).isNotNull();
    assertThat(kind.name()).isEqualTo(expected);
  }
}
