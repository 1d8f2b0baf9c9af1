package io.rehearsal.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.report.Golden;
import io.rehearsal.report.SampleReports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RehearsalJsonTest {
  private final String json = RehearsalJson.render(SampleReports.rehearsal());

  @Test
  void shouldWriteTheGoldenBytesWhenRenderingTheSample() {
    Golden.assertMatches("rehearsal.json", json + "\n");
  }

  @Test
  void shouldListCandidatesInRankOrderWithoutDoNothingWhenWritten() throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);

    List<String> names = new ArrayList<>();
    root.path("candidates").forEach(c -> names.add(c.path("name").asText()));
    assertThat(names)
        .containsExactly(
            "rollback api", "scale api to 6", SampleReports.PLAIN_NAME, "scale api to 1");
    assertThat(root.path("do_nothing").path("rank").asInt()).isEqualTo(4);
    assertThat(root.path("best_candidate").asText()).isEqualTo("rollback api");
    assertThat(root.path("hypotheses")).hasSize(4);
    assertThat(root.path("scenario").path("fault").asText()).isEqualTo("LATENCY api x2.95");
  }

  @Test
  void shouldWriteNullWhenAFigureIsNotANumber() throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);

    assertThat(root.path("do_nothing").get("time_to_recover_s").isNull()).isTrue();
    assertThat(root.path("series").get(0).path("p99_s").get(0).isNull()).isTrue();
    assertThat(root.path("series").get(0).path("p99_s").get(1).asDouble()).isEqualTo(0.125);
  }

  @Test
  void shouldWriteDoublesWithAFractionWhenTheyAreIntegral() {
    assertThat(json).contains("\"onset_s\":20.0", "\"declared_cost\":2.0");
  }
}
