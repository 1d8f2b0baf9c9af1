package io.rehearsal.cli.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rehearsal.rehearse.evaluation.CandidateSet;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.twin.bench.TwinBench;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal sandbox bench}: time to decision of the standard case (the reference shop at
 * 1,000 requests/s with its payment-gateway incident and 8 candidates, 5 simulated minutes after
 * the decision) with one and two workers, and the agreement of independent seeds on the best
 * candidate. See {@link BenchCase}, {@link Bench}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Time to decision of the standard sandbox case (--json: one JSON object).",
    footer = {
      "",
      "Standard case: examples/twin/shop.yaml scaled to --rate requests/s, its incident",
      "shop-incident.yaml moved to start after --warmup, the decision --detect later, --horizon",
      "simulated after it, the 8 candidates of shop-candidates.yaml. Workers run jobs through the",
      "service's mechanism (Coordinator, JobCodec, JobRunner) on in-memory queues. Targets:",
      "seconds_to_decision_2_workers <= 30 on 2 cores, top1_agreement = 1.0."
    })
public final class BenchCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Twin (default: the reference shop).")
  Path specFile;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Incident scenario (default: shop-incident.yaml).")
  Path scenarioFile;

  @Option(
      names = "--candidates",
      paramLabel = "FILE",
      description = "Candidates (default: " + BenchInputs.CANDIDATES + ").")
  Path candidatesFile;

  @Option(
      names = "--rate",
      paramLabel = "RPS",
      defaultValue = "1000",
      description = "Entry requests/s the twin is scaled to (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--horizon",
      paramLabel = "D",
      defaultValue = "300",
      converter = SecondsConverter.class,
      description = "Simulated time after the decision (default: ${DEFAULT-VALUE} s).")
  double horizon;

  @Option(
      names = "--warmup",
      paramLabel = "D",
      defaultValue = "30",
      converter = SecondsConverter.class,
      description = "Simulated time before the fault (default: ${DEFAULT-VALUE} s).")
  double warmup;

  @Option(
      names = "--detect",
      paramLabel = "D",
      defaultValue = "30",
      converter = SecondsConverter.class,
      description = "From the fault to the decision (default: ${DEFAULT-VALUE} s).")
  double detect;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "5",
      description = "Independent seeds for top1_agreement (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "First seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ReplicationOptions replication = new ReplicationOptions(4, 40);

  @Option(names = "--progress", description = "Name each run on stderr even off a terminal.")
  boolean progress;

  @Override
  public Integer call() {
    ReplicationPolicy policy = policy();
    SandboxFiles files = new SandboxFiles(spec.commandLine());
    TwinSpec twin = specFile == null ? TwinBench.referenceShop() : files.twin("--spec", specFile);
    Scenario scenario =
        scenarioFile == null
            ? BenchInputs.shopIncident()
            : files.scenario("--scenario", scenarioFile, twin);
    Path candidatesPath = candidatesFile == null ? BenchInputs.shopCandidates() : candidatesFile;
    CandidateSet set = files.candidates("--candidates", candidatesPath, twin);
    BenchCase standard = BenchCase.of(twin, scenario, set, rate, warmup, detect, horizon);
    PrintWriter err = spec.commandLine().getErr();
    boolean talk = ProgressBar.wanted(progress);
    BenchReport report =
        new Bench(standard, policy)
            .run(
                seed,
                seeds,
                rate,
                horizon,
                line -> {
                  if (talk) {
                    err.println("bench: " + line);
                    err.flush();
                  }
                });
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? json(report) : text(report));
    out.flush();
    return 0;
  }

  private ReplicationPolicy policy() {
    if (!(rate > 0) || !(horizon > 0) || !(warmup >= 0) || !(detect >= 0) || seeds < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate and --horizon must be > 0, --warmup and --detect >= 0, --seeds >= 1, but were "
              + rate
              + ", "
              + horizon
              + ", "
              + warmup
              + ", "
              + detect
              + ", "
              + seeds);
    }
    try {
      return replication.policy();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  static String json(BenchReport r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("seconds_to_decision_1_worker", r.secondsOneWorker());
    o.put("seconds_to_decision_2_workers", r.secondsTwoWorkers());
    o.put("replications_used", r.replicationsUsed());
    o.put("best_candidate", r.bestCandidate());
    o.put("top1_agreement", r.top1Agreement());
    o.put("stages", r.stages());
    ArrayNode perSeed = o.putArray("seconds_to_decision_2_workers_per_seed");
    r.secondsTwoWorkersPerSeed().forEach(perSeed::add);
    ArrayNode bests = o.putArray("best_candidate_per_seed");
    r.bestPerSeed().forEach(bests::add);
    o.put("identical_across_workers", r.identicalAcrossWorkers());
    o.put("rate_rps", r.rate());
    o.put("scale_factor", r.factor());
    o.put("horizon_s", r.horizon());
    o.put("candidates", r.candidates());
    o.put("cores", r.cores());
    o.put("target_seconds_to_decision_2_workers", BenchReport.TARGET_SECONDS_TWO_WORKERS);
    o.put("target_top1_agreement", BenchReport.TARGET_TOP1_AGREEMENT);
    o.put("targets_met", r.targetsMet());
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the bench result", e);
    }
  }

  private static String text(BenchReport r) {
    return String.join(
        System.lineSeparator(),
        ReportText.fmt(
            "standard case          %d candidates, %.0f req/s (x%.2f), %.0f s after the decision, %d cores",
            r.candidates(), r.rate(), r.factor(), r.horizon(), r.cores()),
        ReportText.fmt(
            "time to decision       %.1f s with 1 worker, %.1f s with 2 (target <= %.0f)",
            r.secondsOneWorker(), r.secondsTwoWorkers(), BenchReport.TARGET_SECONDS_TWO_WORKERS),
        ReportText.fmt("replications used      %d in %d stages", r.replicationsUsed(), r.stages()),
        "best candidate         " + r.bestCandidate(),
        ReportText.fmt(
            "top-1 agreement        %.2f over %d seeds %s (target %.1f)",
            r.top1Agreement(),
            r.bestPerSeed().size(),
            r.bestPerSeed(),
            BenchReport.TARGET_TOP1_AGREEMENT),
        "targets                " + (r.targetsMet() ? "met" : "not met"));
  }
}
