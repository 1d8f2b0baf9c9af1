package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InteractionTest {

  static final String ID = "dec-0123456789abcdef0123456789abcdef";

  @Test
  void shouldReadUserVerdictDecisionRevisionAndMessageWhenGivenABlockActionsPayload() {
    String body =
        SlackFixtures.clickBody("U0ALICE", Interaction.Verdict.REJECT, ID, 3, "1700000000.000042");

    Interaction i = Interaction.parse(body);

    assertThat(i)
        .isEqualTo(
            new Interaction(
                "U0ALICE", Interaction.Verdict.REJECT, ID, 3, "C0APPROVALS", "1700000000.000042"));
  }

  @Test
  void shouldNameTheProblemWhenThePayloadIsMissingOrMalformed() {
    assertThatThrownBy(() -> Interaction.parse("token=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload: the form field is missing");
    assertThatThrownBy(() -> Interaction.parse("payload=%7Bnot-json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload");
    String other =
        SlackFixtures.clickBody("U0ALICE", Interaction.Verdict.APPROVE, ID, 1, "1.2")
            .replace("rehearsal_approve", "rehearsal_delete");
    assertThatThrownBy(() -> Interaction.parse(other))
        .hasMessageContaining("unknown action 'rehearsal_delete'");
    String badValue =
        "payload="
            + URLEncoder.encode(
                "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[{\"action_id\":"
                    + "\"rehearsal_approve\",\"value\":\"dec-1@0\"}]}",
                StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Interaction.parse(badValue))
        .hasMessageContaining("payload.actions[0].value");
  }
}
