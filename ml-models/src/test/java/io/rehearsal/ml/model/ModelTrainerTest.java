package io.rehearsal.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.ml.detect.DetectorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

  @Test
  void shouldGiveTheSameArtifactWhenTrainedTwiceOnTheSameData() {
    ModelTrainer trainer = new ModelTrainer("rcf", DetectorConfig.defaults().withSeed(9), 0.5);
    assertThat(trainer.train(data(0))).isEqualTo(trainer.train(data(0)));
    assertThat(trainer.train(data(0)).provenance().seed()).isEqualTo(9);
  }

  @Test
  void shouldChangeTheDataIdentityWhenOneValueChanges() {
    assertThat(ModelTrainer.identity(data(0))).isNotEqualTo(ModelTrainer.identity(data(1e-9)));
    assertThat(ModelTrainer.identity(data(0))).matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void shouldKeepTheAlarmThresholdAtLeastTheFloorAndTheTrainingQuantile() {
    ModelArtifact a = new ModelTrainer("rehearsal", DetectorConfig.defaults(), 0.3).train(data(0));
    ModelArtifact.Calibration c = a.calibration();
    assertThat(c.alarmThreshold()).isGreaterThanOrEqualTo(0.3).isGreaterThanOrEqualTo(c.p999());
    assertThat(c.p99()).isLessThanOrEqualTo(c.p999()).isLessThanOrEqualTo(c.max());
    assertThat(a.provenance().points()).isEqualTo(800);
  }

  @Test
  void shouldRefuseWhenTheDetectorIsUnknown() {
    assertThatThrownBy(() -> new ModelTrainer("nope", DetectorConfig.defaults(), 0.5))
        .hasMessageContaining("unknown detector 'nope'");
  }

  private static List<ModelTrainer.TrainingSeries> data(double nudge) {
    double[] a = new double[500];
    long[] ta = new long[500];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.sin(i / 4.0) + (i == 250 ? nudge : 0);
      ta[i] = 1_600_000_000L + 60L * i;
    }
    double[] b = new double[300];
    long[] tb = new long[300];
    for (int i = 0; i < b.length; i++) {
      b[i] = i % 7;
      tb[i] = 1_600_000_000L + 3600L * i;
    }
    return List.of(new ModelTrainer.TrainingSeries(ta, a), new ModelTrainer.TrainingSeries(tb, b));
  }
}
