package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedIncidentTest {
  private static final String ENTRY =
      "{\"kind\":\"kill-replica\",\"target\":\"catalog-2\",\"service\":\"catalog\","
          + "\"magnitude\":0,\"onsetEpochMs\":1000,\"endEpochMs\":26000,"
          + "\"recording\":\"incident-kill-replica.otlp.jsonl.gz\","
          + "\"windowStartEpochMs\":0,\"windowEndEpochMs\":50000}";

  @TempDir Path dir;

  @Test
  void shouldReadTheLabelAndIdWhenTheIndexIsValid() throws Exception {
    Path file = dir.resolve("incidents.json");
    Files.writeString(file, "[" + ENTRY + "]");
    List<RecordedIncident> all = RecordedIncident.read(file);
    assertThat(all)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo("incident-kill-replica");
              assertThat(r.label().service()).isEqualTo("catalog");
              assertThat(r.faultSeconds()).isEqualTo(25.0);
            });
  }

  @Test
  void shouldNameTheFileAndEntryWhenTheOnsetIsOutsideTheWindow() throws Exception {
    Path file = dir.resolve("incidents.json");
    Files.writeString(
        file,
        "[" + ENTRY + "," + ENTRY.replace("\"onsetEpochMs\":1000", "\"onsetEpochMs\":90000") + "]");
    assertThatThrownBy(() -> RecordedIncident.read(file))
        .isInstanceOf(InvalidIncidentException.class)
        .hasMessageStartingWith(file + ": [1]: times must satisfy");
  }
}
