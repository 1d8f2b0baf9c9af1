package io.rehearsal.rehearse.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.RemediationKind;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateSetTest {
  private static final String VALID =
      """
      incident: bad deploy
      slos:
        - {endpoint: api/GET /, percentile: 95, latency: 0.1, availability: 0.999}
      candidates:
        - name: rollback
          blastRadius: 0.5
          cost: 3
          remediations:
            - {kind: ROLLBACK, target: api}
        - name: scale to 6
          remediations:
            - {kind: SCALE, at: 30, delay: 5, target: api, value: 6}
      """;

  @TempDir Path dir;

  @Test
  void shouldReadEveryFieldAndFillDefaultsWhenTheFileIsValid() throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, VALID);

    CandidateSet set = CandidateSet.read(file);

    assertThat(set.incident()).isEqualTo("bad deploy");
    assertThat(set.candidates())
        .extracting(CandidateSet.Entry::name)
        .containsExactly("rollback", "scale to 6");
    assertThat(set.entry("rollback").cost()).isEqualTo(3.0);
    assertThat(set.entry("rollback").blastRadius()).isEqualTo(0.5);
    assertThat(set.entry("scale to 6").blastRadius()).isEqualTo(1.0);
    assertThat(set.entry("scale to 6").cost()).isZero();
    assertThat(set.entry("scale to 6").remediations().get(0).kind())
        .isEqualTo(RemediationKind.SCALE);
  }

  @Test
  void shouldShiftRemediationsToTheSimulationClockWhenMadeCandidates() {
    List<Candidate> candidates = CandidateSet.fromYaml(VALID).candidates(90);

    assertThat(candidates.get(0).remediations().get(0).at()).isEqualTo(90.0);
    assertThat(candidates.get(1).remediations().get(0).at()).isEqualTo(120.0);
    assertThat(candidates.get(1).remediations().get(0).effectiveAt()).isEqualTo(125.0);
    assertThat(candidates.get(1).remediations().get(0).value()).isEqualTo(6.0);
    assertThat(candidates.get(0).blastRadius()).isEqualTo(0.5);
  }

  @Test
  void shouldReplaceTheTwinsSlosWhenTheFileGivesSome() {
    TwinSpec judged = CandidateSet.fromYaml(VALID).judgedBy(Plans.SPEC);

    assertThat(judged.slos())
        .singleElement()
        .satisfies(s -> assertThat(s.latency()).isEqualTo(0.1));
    assertThat(judged.services()).isEqualTo(Plans.SPEC.services());
    String noSlos = VALID.replaceAll("(?s)slos:.*?candidates:", "candidates:");
    assertThat(CandidateSet.fromYaml(noSlos).judgedBy(Plans.SPEC)).isSameAs(Plans.SPEC);
  }

  @Test
  void shouldNameTheCandidateRemediationAndValueWhenATargetIsUnknown() {
    CandidateSet set =
        CandidateSet.fromYaml(VALID.replace("target: api, value", "target: apu, value"));

    assertThatThrownBy(() -> set.validateAgainst(Plans.SPEC))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage("candidates[1].remediations[0].target: unknown service 'apu'");
  }

  @Test
  void shouldNameTheSloWhenItsEndpointIsUnknown() {
    CandidateSet set = CandidateSet.fromYaml(VALID.replace("api/GET /,", "api/GET /x,"));

    assertThatThrownBy(() -> set.validateAgainst(Plans.SPEC))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("slos[0].endpoint:")
        .hasMessageContaining("api/GET /x");
  }

  @Test
  void shouldNameThePathAndValueWhenAFieldIsOutOfRange() {
    assertThatThrownBy(() -> CandidateSet.fromYaml(VALID.replace("0.5", "1.5")))
        .hasMessage("candidates[0].blastRadius: must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> CandidateSet.fromYaml(VALID.replace("cost: 3", "cost: -1")))
        .hasMessage("candidates[0].cost: must be >= 0, but was -1.0");
    assertThatThrownBy(() -> CandidateSet.fromYaml(VALID.replace("value: 6", "value: -6")))
        .hasMessageStartingWith("candidates[1].remediations[0].value: ")
        .hasMessageContaining("-6");
  }

  @Test
  void shouldNameThePathWhenAKindOrFieldIsUnknown() {
    assertThatThrownBy(() -> CandidateSet.fromYaml(VALID.replace("kind: SCALE", "kind: SCAL")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("candidates[1].remediations[0].kind: ")
        .hasMessageContaining("SCAL");
    assertThatThrownBy(() -> CandidateSet.fromYaml(VALID.replace("cost: 3", "price: 3")))
        .hasMessageStartingWith("candidates[0].price: ")
        .hasMessageContaining("Unrecognized field");
  }

  @Test
  void shouldRefuseDuplicateOrReservedNamesAndEmptyLists() {
    assertThatThrownBy(() -> CandidateSet.fromYaml(VALID.replace("scale to 6", "rollback")))
        .hasMessage("candidates[1].name: must be unique and not 'do nothing', but was 'rollback'");
    assertThatThrownBy(() -> CandidateSet.fromYaml(VALID.replace("scale to 6", "do nothing")))
        .hasMessageStartingWith("candidates[1].name: ");
    assertThatThrownBy(() -> CandidateSet.fromYaml("candidates: []"))
        .hasMessage("candidates: must list at least one candidate");
    assertThatThrownBy(
            () -> CandidateSet.fromYaml("candidates:\n  - {name: x, remediations: []}\n"))
        .hasMessage("candidates[0].remediations: must list at least one remediation");
  }

  @Test
  void shouldGiveTheLineWhenTheYamlIsMalformed() {
    assertThatThrownBy(() -> CandidateSet.fromYaml("candidates:\n  - {name: x, remediations: [\n"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("syntax error: ")
        .hasMessageContaining("(line ");
  }

  @Test
  void shouldFailWithTheFileNameWhenTheFileIsMissing() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> CandidateSet.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void shouldTakeTheObjectivesFromTheFileAndFillTheRestWithDefaultsWhenGiven() {
    String withObjectives =
        VALID.replace(
            "candidates:",
            "objectives: {sloWeights: {api/GET /: 2}, costPerReplicaSecond: 0.001}\ncandidates:");
    Objectives o = CandidateSet.fromYaml(withObjectives).scoring();
    assertThat(o.sloWeights()).containsExactly(java.util.Map.entry("api/GET /", 2.0));
    assertThat(o.costWeight()).isEqualTo(0.001);
    assertThat(o.riskAversion()).isEqualTo(Objectives.DEFAULT.riskAversion());
    assertThat(CandidateSet.fromYaml(VALID).scoring()).isEqualTo(Objectives.DEFAULT);
  }

  @Test
  void shouldNameTheFieldAndValueWhenAnObjectiveIsOutOfRange() {
    String bad = VALID.replace("candidates:", "objectives: {riskAversion: 3}\ncandidates:");
    assertThatThrownBy(() -> CandidateSet.fromYaml(bad))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("objectives.riskAversion: must be in [0, 1], but was 3.0");
  }
}
