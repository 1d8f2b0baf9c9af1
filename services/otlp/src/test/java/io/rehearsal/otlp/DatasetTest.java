package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
  @TempDir Path dir;

  @Test
  void shouldReadTheBaselineWithTheOptionsWhenAsked() throws IOException {
    RecordingFixtures.write(dir.resolve(Dataset.BASELINE), 30);

    Recording baseline = Dataset.at(dir).baseline(RecordingOptions.defaults().skip(10));

    assertThat(baseline.firstRootStartNanos()).isEqualTo(RecordingFixtures.rootStart(10));
  }

  @Test
  void shouldReadAnIncidentRecordingBesideTheIndexWhenNamed() throws IOException {
    RecordingFixtures.write(dir.resolve("incident-a.otlp.jsonl.gz"), 5);
    Files.writeString(dir.resolve(Dataset.INCIDENTS), "[]");
    Dataset data = Dataset.at(dir);

    Recording incident = data.recording("incident-a.otlp.jsonl.gz", RecordingOptions.defaults());

    assertThat(incident.spans()).hasSize(10);
    assertThat(data.incidents()).isEqualTo(dir.resolve("incidents.json"));
  }

  @Test
  void shouldHaveAnOverlayOnlyWhenTheFileExists() throws IOException {
    assertThat(Dataset.at(dir).overlay()).isEmpty();

    Files.writeString(dir.resolve(Dataset.OVERLAY), "services: {}\n");

    assertThat(Dataset.at(dir).overlay()).contains(dir.resolve("overlay.yaml"));
  }

  @Test
  void shouldFailNamingTheFileWhenTheIndexOrBaselineIsMissing() {
    Dataset data = Dataset.at(dir);

    assertThatThrownBy(data::incidents)
        .isInstanceOf(IOException.class)
        .hasMessage(dir.resolve("incidents.json") + " does not exist or cannot be read");
    assertThatThrownBy(() -> data.baseline(RecordingOptions.defaults()))
        .hasMessage(dir.resolve("baseline.otlp.jsonl.gz") + " does not exist or cannot be read");
  }
}
