package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.rehearse.fitting.EndpointSymptoms;
import io.rehearsal.rehearse.fitting.SymptomPoint;
import io.rehearsal.rehearse.fitting.Symptoms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentFilesTest {
  @TempDir Path dir;

  @Test
  void shouldRoundTripWhenWrittenAndReadBack() throws Exception {
    Incident incident = incident();
    Path file = dir.resolve("inc.yaml");
    IncidentFiles.write(file, incident);
    Incident back = IncidentFiles.read(file);
    assertThat(back).isEqualTo(incident);
    assertThat(Files.readString(file)).contains("kind: latency").contains("p99:");
  }

  @Test
  void shouldWriteNullAndReadNanWhenNoRequestSucceeded() {
    String yaml = IncidentFiles.toYaml(incident());
    assertThat(yaml).contains("null");
    assertThat(IncidentFiles.fromYaml(yaml).symptoms().endpoints().get(0).points().get(1).p50())
        .isNaN();
  }

  @Test
  void shouldNameTheFilePathAndValueWhenAnErrorRateIsOutOfRange() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, IncidentFiles.toYaml(incident()).replace("- 0.25", "- 1.5"));
    assertThatThrownBy(() -> IncidentFiles.read(file))
        .isInstanceOf(InvalidIncidentException.class)
        .hasMessageStartingWith(file + ": endpoints[0][1]")
        .hasMessageContaining("1.5");
  }

  @Test
  void shouldNameTheColumnWhenSeriesLengthsDiffer() {
    String yaml =
        IncidentFiles.toYaml(incident()).replace("throughput:\n  - 20.0\n", "throughput:\n");
    assertThatThrownBy(() -> IncidentFiles.fromYaml(yaml))
        .hasMessageStartingWith("endpoints[0].throughput: must have 2 points");
  }

  @Test
  void shouldNameTheFieldWhenItIsUnknown() {
    assertThatThrownBy(() -> IncidentFiles.fromYaml("id: x\nbucket: 1\nsevere: yes\n"))
        .isInstanceOf(InvalidIncidentException.class)
        .hasMessageContaining("severe");
  }

  @Test
  void shouldListTheKnownKindsWhenALabelKindIsUnknown() {
    String yaml = IncidentFiles.toYaml(incident()).replace("kind: latency", "kind: meteor");
    assertThatThrownBy(() -> IncidentFiles.fromYaml(yaml))
        .hasMessageStartingWith("label: kind must be one of")
        .hasMessageContaining("'meteor'");
  }

  @Test
  void shouldReadAnUnlabelledIncidentWhenLabelAndBaselineAreAbsent() {
    Incident bare =
        IncidentFiles.fromYaml(
            "id: x\nbucket: 2\nendpoints:\n- endpoint: a/GET /\n  p50: [0.1]\n  p99: [0.2]\n"
                + "  errorRate: [0]\n  throughput: [3]\n");
    assertThat(bare.labelled()).isFalse();
    assertThat(bare.baseline()).isEmpty();
    assertThat(bare.title()).isEqualTo("x");
    assertThat(bare.symptoms().bucket()).isEqualTo(2.0);
  }

  static Incident incident() {
    Symptoms symptoms =
        new Symptoms(
            2,
            List.of(
                new EndpointSymptoms(
                    "front/GET /",
                    List.of(
                        new SymptomPoint(0.02, 0.08, 0, 20),
                        new SymptomPoint(Double.NaN, Double.NaN, 0.25, 4)))));
    return new Incident(
        "inc-1",
        "latency on catalog",
        1_795_683_983_156L,
        symptoms,
        Map.of("front/GET /", new SymptomPoint(0.019, 0.07, 0, 19)),
        new IncidentLabel("latency", "catalog", null, 50));
  }
}
