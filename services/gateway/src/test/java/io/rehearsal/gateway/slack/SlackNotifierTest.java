package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.proto.v1.CancelRequest;
import io.rehearsal.proto.v1.Decision;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackNotifierTest {

  @TempDir Path dataDir;
  SlackHarness h;

  @BeforeEach
  void start() {
    h = new SlackHarness(dataDir);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void shouldPostOneMessageWithEvidenceLinkAndButtonsWhenADecisionWaitsForApproval() {
    Decision d = SlackFixtures.pending(h.desk, "notify-pending", false);

    h.notifier.changed(d);
    h.notifier.changed(d);

    assertThat(h.slack.calls("chat.postMessage"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.authorization()).isEqualTo("Bearer xoxb-test-token");
              assertThat(c.fields()).containsEntry("channel", SlackHarness.CHANNEL);
              assertThat(c.fields().get("text")).contains("inc-77");
              assertThat(c.fields().get("blocks"))
                  .contains(SlackFixtures.SENTENCE)
                  .contains("P(improvement) 0.97")
                  .contains(SlackHarness.PAGE + "/decisions/" + d.getId())
                  .contains("rehearsal_approve")
                  .contains("rehearsal_reject")
                  .contains(Interaction.buttonValue(d.getId(), d.getRevision()));
            });
    assertThat(h.index.find(d.getId())).isPresent();
  }

  @Test
  void shouldUpdateThePostedMessageWhenTheDecisionChangesElsewhere() {
    Decision d = SlackFixtures.pending(h.desk, "notify-cancel", false);
    h.notifier.changed(d);
    Decision cancelled =
        h.desk.cancel(
            CancelRequest.newBuilder()
                .setDecisionId(d.getId())
                .setActor("carol@example.com")
                .setReason("recovered on its own")
                .setExpectedRevision(d.getRevision())
                .build());

    h.notifier.changed(cancelled);

    assertThat(h.slack.calls("chat.update"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.fields().get("blocks"))
                    .contains("CANCELLED")
                    .doesNotContain("rehearsal_approve"));
  }

  @Test
  void shouldPostNothingWhenTheDecisionNeedsNoApproval() {
    Decision d = SlackFixtures.pending(h.desk, "notify-none", false);
    Decision approvedAutomatically =
        d.toBuilder().setState(io.rehearsal.proto.v1.DecisionState.DECISION_STATE_APPROVED).build();

    h.notifier.changed(approvedAutomatically);

    assertThat(h.slack.calls()).isEmpty();
  }
}
