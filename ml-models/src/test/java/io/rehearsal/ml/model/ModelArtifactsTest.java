package io.rehearsal.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.ml.detect.DetectorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelArtifactsTest {

  private static final String GOLDEN_V1 = "rehearsal-format-1.json";
  private static final String GOLDEN_V2 = "rehearsal-format-2.json";

  @Test
  void shouldLoadTheCommittedFormatOneArtifactWhenReadByThisBuild() throws Exception {
    ModelArtifact artifact = ModelArtifacts.read(GOLDEN_V1, resource(GOLDEN_V1));
    assertThat(artifact.formatVersion()).isEqualTo(1);
    assertThat(artifact.detector()).isEqualTo("rehearsal");
    assertThat(artifact.config().context().levels()).isEqualTo(16);
    assertThat(artifact.config().context().gridWarmUp()).isZero();
    assertThat(artifact.config().combination().forestWeight()).isZero();
    assertThat(artifact.provenance().dataIdentity()).startsWith("sha256:5b2f1a0c");
    assertThat(artifact.provenance().points()).isEqualTo(4032);
    assertThat(artifact.calibration().alarmThreshold()).isEqualTo(0.9994);
    assertThat(artifact.newDetector().update(0, 1.0)).isZero();
  }

  @Test
  void shouldLoadTheCommittedFormatTwoArtifactWithItsRestsInRowsWhenReadByThisBuild()
      throws Exception {
    ModelArtifact artifact = ModelArtifacts.read(GOLDEN_V2, resource(GOLDEN_V2));
    assertThat(artifact.formatVersion()).isEqualTo(2);
    assertThat(artifact.config().context().restPeriod()).isEqualTo(150);
    assertThat(artifact.config().context().restSeconds()).isZero();
    assertThat(artifact.config().combination().restPeriod()).isEqualTo(100);
    assertThat(artifact.config().combination().restSeconds()).isZero();
    assertThat(artifact.provenance().points()).isEqualTo(300);
    assertThat(artifact.calibration().p99()).isEqualTo(0.3675739154462559);
  }

  @Test
  void shouldRefuseAFormatTwoArtifactEditedBehindItsChecksum() throws Exception {
    String json = resource(GOLDEN_V2).replace("\"rest_period\" : 150", "\"rest_period\" : 15");
    assertThatThrownBy(() -> ModelArtifacts.read("edited-v2.json", json))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("edited-v2.json: checksum mismatch");
  }

  @Test
  void shouldRoundTripWhenWrittenInTheCurrentFormat() throws Exception {
    ModelArtifact trained = trained();
    String json = ModelArtifacts.write(trained);
    assertThat(json)
        .contains("\"format_version\" : 3")
        .contains("\"checksum\"")
        .contains("\"rest_seconds\" : 45000");
    assertThat(ModelArtifacts.read("mem", json)).isEqualTo(trained);
  }

  @Test
  void shouldRefuseWhenAValueWasEditedBehindTheChecksum() {
    String json = ModelArtifacts.write(trained()).replace("\"levels\" : 8", "\"levels\" : 9");
    assertThatThrownBy(() -> ModelArtifacts.read("edited.json", json))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("edited.json: checksum mismatch");
  }

  @Test
  void shouldRefuseWhenTheJsonIsTruncated() {
    String json = ModelArtifacts.write(trained());
    assertThatThrownBy(() -> ModelArtifacts.read("cut.json", json.substring(0, json.length() / 2)))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("cut.json: corrupt JSON at line");
  }

  @Test
  void shouldRefuseWhenTheFormatIsNewerThanThisBuild() {
    String json =
        ModelArtifacts.write(trained()).replace("\"format_version\" : 3", "\"format_version\" : 4");
    assertThatThrownBy(() -> ModelArtifacts.read("future.json", json))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("format_version 4 is not supported");
  }

  @Test
  void shouldRefuseWhenAFormatOneArtifactHoldsAnOutOfRangeValue() throws Exception {
    String json = resource(GOLDEN_V1).replace("\"levels\" : 16", "\"levels\" : 1");
    assertThatThrownBy(() -> ModelArtifacts.read("bad-v1.json", json))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("bad-v1.json: incompatible artifact")
        .hasMessageContaining("context.levels is out of range, but was 1");
  }

  @Test
  void shouldRefuseWhenAFormatOneConfigHasAFieldThisBuildDoesNotKnow() throws Exception {
    String json = resource(GOLDEN_V1).replace("\"levels\" : 16,", "\"levels\" : 16, \"bits\" : 3,");
    assertThatThrownBy(() -> ModelArtifacts.read("unknown.json", json))
        .isInstanceOf(ModelArtifactException.class)
        .hasMessageContaining("unknown.json: incompatible artifact")
        .hasMessageContaining("bits");
  }

  private static ModelArtifact trained() {
    double[] values = new double[300];
    long[] times = new long[300];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.sin(i / 5.0);
      times[i] = 1_600_000_000L + 300L * i;
    }
    return new ModelTrainer("rehearsal", DetectorConfig.defaults(), 0.5)
        .train(List.of(new ModelTrainer.TrainingSeries(times, values)));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ModelArtifactsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
