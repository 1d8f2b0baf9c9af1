package io.rehearsal.cli.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rehearsal.ml.proposal.ActionKind;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.twin.spec.RemediationKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposeCommandTest {

  private static Path catalog(Path shop) {
    return shop.resolve("../../../examples/reference-shop/catalog.yaml").normalize();
  }

  @Test
  void shouldProposeCandidatesTheSandboxReadsWhenARecordingHasAnIncident(@TempDir Path dir)
      throws Exception {
    Path shop = RcaEvalCommandTest.shop();
    assumeTrue(shop != null, "reference-shop recordings not found");
    Path out = dir.resolve("candidates.yaml");
    MlRun run =
        new MlRun(
            "ml",
            "propose",
            "--recording",
            shop.resolve("incident-latency.otlp.jsonl.gz").toString(),
            "--catalog",
            catalog(shop).toString(),
            "--candidates-out",
            out.toString(),
            "--json");
    assertEquals(0, run.code, run.err.toString());
    JsonNode incident = new ObjectMapper().readTree(run.out.toString()).path("incidents").path(0);
    assertEquals("catalog", incident.path("suspects").path(0).path("target").asText());
    assertEquals("LATENCY", incident.path("suspects").path(0).path("kind").asText());
    JsonNode proposals = incident.path("proposals");
    assertTrue(proposals.size() >= 3 && proposals.size() <= 8, proposals.toString());
    for (JsonNode p : proposals) {
      assertEquals("catalog LATENCY", p.path("suspect").asText(), p.toString());
      assertTrue(p.path("why").size() >= 2, p.toString());
    }
    // No version change in the recording: the rollback is held back, and says so.
    assertTrue(incident.path("held_back").toString().contains("roll back catalog: no recent"));
    CandidateSet set = CandidateSet.fromYaml(Files.readString(out));
    assertEquals(proposals.size(), set.candidates().size());
  }

  @Test
  void shouldUseOnlyRemediationKindsTheSandboxKnows() {
    for (ActionKind kind : ActionKind.values()) {
      RemediationKind.valueOf(kind.name());
    }
  }

  @Test
  void shouldNameFileAndLineWhenTheCatalogIsInvalid(@TempDir Path dir) throws Exception {
    Path shop = RcaEvalCommandTest.shop();
    assumeTrue(shop != null, "reference-shop recordings not found");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "budget: 4\nrules:\n  - when: {kind: LATENCY}\n    propose:\n      - {action: REBOOT, why: x}\n");
    MlRun run =
        new MlRun(
            "ml",
            "propose",
            "--recording",
            shop.resolve("incident-latency.otlp.jsonl.gz").toString(),
            "--catalog",
            bad.toString());
    assertEquals(1, run.code);
    assertTrue(run.err.toString().contains(bad + ":5:"), run.err.toString());
    assertTrue(run.err.toString().contains("REBOOT"), run.err.toString());
    assertFalse(run.err.toString().contains("Exception"), run.err.toString());
  }

  @Test
  void shouldSayThePreRankerOrderedTheCandidatesWhenTrainedOnDecisions() throws Exception {
    Path shop = RcaEvalCommandTest.shop();
    assumeTrue(shop != null, "reference-shop recordings not found");
    Path tight = Files.createTempFile("catalog", ".yaml");
    Files.writeString(tight, Files.readString(catalog(shop)).replace("budget: 6 ", "budget: 3 "));
    MlRun run =
        new MlRun(
            "ml",
            "propose",
            "--recording",
            shop.resolve("incident-latency.otlp.jsonl.gz").toString(),
            "--catalog",
            tight.toString(),
            "--decisions",
            shop.resolve("decisions").toString(),
            "--json");
    Files.delete(tight);
    assertEquals(0, run.code, run.err.toString());
    JsonNode proposals =
        new ObjectMapper().readTree(run.out.toString()).path("incidents").path(0).path("proposals");
    assertEquals(3, proposals.size(), proposals.toString());
    for (JsonNode p : proposals) {
      JsonNode why = p.path("why");
      assertTrue(why.get(why.size() - 1).asText().startsWith("pre-ranker: "), p.toString());
    }
  }
}
