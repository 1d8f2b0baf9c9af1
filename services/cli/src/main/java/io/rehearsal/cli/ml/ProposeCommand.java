package io.rehearsal.cli.ml;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.incident.Slo;
import io.rehearsal.ml.proposal.Catalog;
import io.rehearsal.ml.proposal.CatalogException;
import io.rehearsal.ml.proposal.Catalogs;
import io.rehearsal.ml.proposal.PreRanker;
import io.rehearsal.ml.proposal.Proposal;
import io.rehearsal.ml.proposal.Proposals;
import io.rehearsal.ml.proposal.Proposer;
import io.rehearsal.ml.proposal.Step;
import io.rehearsal.ml.rca.RcaConfig;
import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.RootCauseRanker;
import io.rehearsal.ml.rca.Suspect;
import io.rehearsal.otlp.RecordingOptions;
import io.rehearsal.otlp.Recordings;
import io.rehearsal.telemetry.Recording;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal ml propose}: detects the incidents of a recording, ranks each one's root-cause
 * suspects and proposes candidate remediations from a catalog, each with why; optionally writes the
 * first incident's candidates in the format {@code sandbox evaluate --candidates} reads.
 */
@Command(
    name = "propose",
    mixinStandardHelpOptions = true,
    description = "Suspects and candidate remediations for the incidents of a recording.",
    footer = {
      "",
      "The recording is an OTLP JSON-lines file (plain or gzip). Incidents are detected as",
      "detect-eval does; suspects come from the telemetry alone (no sandbox fit). Guards of the",
      "catalog apply with no recent actions known (no cool-down in effect).",
      "Exit codes: 0 done (also when no incident is found), 1 a file could not be read or the",
      "catalog is invalid (file:line named)."
    })
public final class ProposeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--recording",
      required = true,
      paramLabel = "FILE",
      description = "OTLP recording.")
  Path recording;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      defaultValue = "examples/reference-shop/catalog.yaml",
      description = "Remediation catalog (default: ${DEFAULT-VALUE}).")
  Path catalogFile;

  @Option(
      names = "--slo",
      paramLabel = "SERVICE/ENDPOINT=MS@PCT:AVAIL",
      defaultValue =
          "frontend/GET /browse=200@99:0.99,frontend/POST /cart=100@99:0.99,"
              + "frontend/POST /checkout=300@99:0.98",
      split = ",",
      description = "SLOs, for detection and the candidates file (default: ${DEFAULT-VALUE}).")
  List<String> sloSpecs;

  @Option(
      names = "--candidates-out",
      paramLabel = "FILE",
      description = "Write the first incident's candidates here (sandbox evaluate --candidates).")
  Path candidatesOut;

  @Option(
      names = "--suspects",
      defaultValue = "5",
      description = "Suspects to print (${DEFAULT-VALUE}).")
  int suspectsShown;

  @Option(
      names = "--decisions",
      paramLabel = "DIR",
      description =
          "Recorded decision arms to train the pre-ranker on (e.g."
              + " ml-models/data/reference-shop/decisions); it orders candidates beyond the budget.")
  Path decisions;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    List<Slo> slos = sloSpecs.stream().map(DetectEvalCommand::parseSlo).toList();
    Catalog catalog = catalog();
    Recording rec = read();
    List<Map<String, Object>> out = new ArrayList<>();
    RootCauseRanker ranker = new RootCauseRanker(RcaConfig.defaults());
    PreRanker preRanker = decisions == null ? null : preRanker();
    String firstYaml = null;
    for (Incident incident : DetectEvalCommand.replay(rec, slos)) {
      RcaInput input = RecordingEvidence.input(recording, rec, incident);
      List<Suspect> suspects = ranker.rank(input);
      Proposals proposals =
          new Proposer(catalog, preRanker)
              .propose(input, suspects, List.of(), incident.openedSecond());
      out.add(describe(incident, suspects, proposals));
      if (firstYaml == null && !proposals.candidates().isEmpty()) {
        firstYaml = CandidateYaml.write(incident, recording, sloSpecs, proposals.candidates());
      }
    }
    if (candidatesOut != null && firstYaml != null) {
      Files.writeString(candidatesOut, firstYaml);
    }
    print(out);
    return 0;
  }

  private PreRanker preRanker() {
    List<PreRanker.Outcome> outcomes = new ArrayList<>();
    DecisionOutcomes.read(decisions).values().forEach(outcomes::addAll);
    try {
      return PreRanker.train(outcomes, 42);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(decisions + ": " + e.getMessage(), e);
    }
  }

  private Catalog catalog() {
    try {
      return Catalogs.read(catalogFile);
    } catch (CatalogException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  private Recording read() throws IOException {
    if (!Files.isReadable(recording)) {
      throw new CommandFailure(recording + " does not exist or cannot be read");
    }
    try {
      return Recordings.read(recording, RecordingOptions.defaults());
    } catch (RuntimeException e) {
      throw new CommandFailure(recording + ": " + e.getMessage(), e);
    }
  }

  private Map<String, Object> describe(Incident incident, List<Suspect> suspects, Proposals p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", incident.id());
    out.put("title", incident.title());
    out.put("onset", incident.onsetSecond());
    out.put("opened", incident.openedSecond());
    out.put(
        "suspects",
        suspects.subList(0, Math.min(suspectsShown, suspects.size())).stream()
            .map(RcaEvalCommand::describe)
            .toList());
    out.put("proposals", p.candidates().stream().map(ProposeCommand::describe).toList());
    out.put("held_back", p.heldBack());
    return out;
  }

  private static Map<String, Object> describe(Proposal p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("suspect", p.suspect());
    out.put("prior", Math.round(p.prior() * 1000) / 1000.0);
    out.put("blastRadius", p.blastRadius());
    out.put("remediations", p.steps().stream().map(ProposeCommand::describe).toList());
    out.put("why", p.why());
    return out;
  }

  private static Map<String, Object> describe(Step s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", s.kind().name());
    out.put("target", s.target());
    if (s.to() != null) {
      out.put("to", s.to());
    }
    if (s.value() != null) {
      out.put("value", s.value());
    }
    if (s.delay() != null) {
      out.put("delay", s.delay());
    }
    if (s.maxRetries() != null) {
      out.put("retry", Map.of("maxRetries", s.maxRetries(), "backoff", s.backoff()));
    }
    return out;
  }

  private void print(List<Map<String, Object>> incidents) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("recording", recording.toString());
      body.put("incidents", incidents);
      out.println(NabJson.JSON.writeValueAsString(body));
    } else if (incidents.isEmpty()) {
      out.println("no incident detected in " + recording);
    } else {
      incidents.forEach(i -> text(out, i));
    }
    out.flush();
  }

  @SuppressWarnings("unchecked")
  private static void text(PrintWriter out, Map<String, Object> incident) {
    out.printf(Locale.ROOT, "%s %s%n  suspects:%n", incident.get("id"), incident.get("title"));
    for (Map<String, Object> s : (List<Map<String, Object>>) incident.get("suspects")) {
      List<String> why = (List<String>) s.get("why");
      out.printf(
          Locale.ROOT,
          "    %.3f %s %s: %s%n",
          s.get("score"),
          s.get("target"),
          s.get("kind"),
          why.get(0));
    }
    out.println("  proposals:");
    for (Map<String, Object> p : (List<Map<String, Object>>) incident.get("proposals")) {
      List<String> why = (List<String>) p.get("why");
      out.printf(Locale.ROOT, "    %s (%s): %s%n", p.get("name"), p.get("suspect"), why.get(0));
    }
  }
}
