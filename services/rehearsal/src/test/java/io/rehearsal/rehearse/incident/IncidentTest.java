package io.rehearsal.rehearse.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.rehearse.fitting.SymptomPoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentTest {
  private final Incident valid = IncidentFilesTest.incident();

  @Test
  void shouldRejectTheIdWhenItHasSpaces() {
    assertThatThrownBy(() -> new Incident("a b", "", 0, valid.symptoms(), Map.of(), null))
        .hasMessageContaining("'a b'");
  }

  @Test
  void shouldRejectTheBaselineWhenItNamesAnUnknownEndpoint() {
    Map<String, SymptomPoint> base = Map.of("x/GET /", new SymptomPoint(0.1, 0.2, 0, 1));
    assertThatThrownBy(() -> new Incident("a", "", 0, valid.symptoms(), base, null))
        .hasMessageContaining("'x/GET /'");
  }

  @Test
  void shouldKeepTheSymptomsWhenRelabelled() {
    Incident unlabelled = valid.withLabel(null);
    assertThat(unlabelled.labelled()).isFalse();
    assertThat(unlabelled.symptoms()).isEqualTo(valid.symptoms());
  }
}
