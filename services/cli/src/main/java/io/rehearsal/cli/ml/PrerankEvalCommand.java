package io.rehearsal.cli.ml;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.proposal.PreRanker;
import io.rehearsal.ml.proposal.PreRanker.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code rehearsal ml prerank-eval}: leave one incident out of the recorded decision arms, train
 * the pre-ranker on the others, and check whether the arm it ranks first did better than doing
 * nothing, against the recorded order (the arm a person listed first).
 */
@Command(
    name = "prerank-eval",
    mixinStandardHelpOptions = true,
    description =
        "Leave-one-incident-out check of the learned pre-ranker on recorded decision arms.",
    footer = {
      "",
      "An arm is better when its badness (per entry endpoint: failed share plus relative p99",
      "excess over the SLO of candidates.yaml, capped at 1) is below 90 %% of doing nothing's.",
      "Exit codes: 0 evaluated, 1 a file could not be read (named)."
    })
public final class PrerankEvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--decisions",
      paramLabel = "DIR",
      defaultValue = "ml-models/data/reference-shop/decisions",
      description = "Recorded decision arms (default: ${DEFAULT-VALUE}).")
  Path decisions;

  @Option(names = "--seed", defaultValue = "42", description = "Training seed (${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Map<String, List<Outcome>> all = DecisionOutcomes.read(decisions);
    if (all.size() < 2) {
      throw new CommandFailure(decisions + ": needs at least two incidents, found " + all.size());
    }
    int preHits = 0;
    int firstHits = 0;
    int arms = 0;
    int better = 0;
    Map<String, Object> per = new LinkedHashMap<>();
    for (Map.Entry<String, List<Outcome>> held : all.entrySet()) {
      List<Outcome> training = new ArrayList<>();
      all.forEach((k, v) -> training.addAll(k.equals(held.getKey()) ? List.of() : v));
      PreRanker ranker = PreRanker.train(training, seed);
      List<Outcome> test = held.getValue();
      int best = 0;
      double bestP = -1;
      List<Double> ps = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        Outcome o = test.get(i);
        double p = ranker.probabilityBetter(o.fault(), o.action(), o.scope());
        ps.add(Math.round(p * 1000) / 1000.0);
        if (p > bestP) {
          bestP = p;
          best = i;
        }
        arms++;
        better += o.better() ? 1 : 0;
      }
      preHits += test.get(best).better() ? 1 : 0;
      firstHits += test.get(0).better() ? 1 : 0;
      Map<String, Object> d = new LinkedHashMap<>();
      d.put(
          "arms",
          test.stream()
              .map(o -> o.action() + "@" + o.scope() + (o.better() ? " better" : " not better"))
              .toList());
      d.put("p_better", ps);
      d.put("prerank_first", best);
      per.put(held.getKey(), d);
    }
    print(all.size(), preHits, firstHits, arms, better, per);
    return 0;
  }

  private void print(int n, int pre, int first, int arms, int better, Map<String, Object> per)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("incidents", n);
    body.put("arms", arms);
    body.put("arms_better_share", (double) better / arms);
    body.put("top1_better_prerank", (double) pre / n);
    body.put("top1_better_recorded_order", (double) first / n);
    body.put("incidents_detail", per);
    if (json) {
      out.println(NabJson.JSON.writeValueAsString(body));
    } else {
      out.printf(
          Locale.ROOT,
          "%d incidents, %d arms (%.2f better than nothing): first by pre-ranker better %.2f,"
              + " first as recorded better %.2f%n",
          n,
          arms,
          (double) better / arms,
          (double) pre / n,
          (double) first / n);
    }
    out.flush();
  }
}
