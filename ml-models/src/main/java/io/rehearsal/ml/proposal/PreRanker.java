package io.rehearsal.ml.proposal;

import io.rehearsal.ml.rca.FaultKind;
import java.util.List;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A learned pre-ranker: a logistic regression (Tribuo's linear SGD, seeded) that estimates the
 * probability that an action does better than doing nothing, from the fault kind, the action kind,
 * their pair and where the action applies. Trained on recorded outcomes (decision arms, sandbox
 * evaluations, reported outcomes). {@link Proposer} uses it to order candidates when the catalog
 * yields more than the budget.
 */
public final class PreRanker {
  private static final LabelFactory LABELS = new LabelFactory();
  private static final String BETTER = "better";
  private static final int EPOCHS = 50;

  private final Model<Label> model;
  private final int examples;
  private final long seed;

  private PreRanker(Model<Label> model, int examples, long seed) {
    this.model = model;
    this.examples = examples;
    this.seed = seed;
  }

  /**
   * One recorded outcome.
   *
   * @param fault the fault the incident had
   * @param action what was done
   * @param scope where it applied, relative to the faulty service
   * @param better whether it did better than doing nothing
   */
  public record Outcome(FaultKind fault, ActionKind action, Scope scope, boolean better) {
    /** Checks that the parts are present. */
    public Outcome {
      Objects.requireNonNull(fault, "fault");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /**
   * Trains on the outcomes.
   *
   * @throws IllegalArgumentException when there are fewer than 4 outcomes or all share one result
   */
  public static PreRanker train(List<Outcome> outcomes, long seed) {
    long better = outcomes.stream().filter(Outcome::better).count();
    Catalog.check(
        outcomes.size() >= 4, "the pre-ranker needs at least 4 outcomes", outcomes.size());
    Catalog.check(
        better > 0 && better < outcomes.size(),
        "the pre-ranker needs outcomes both better and not better than doing nothing; better",
        better + " of " + outcomes.size());
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("recorded outcomes", LABELS), LABELS);
    for (Outcome o : outcomes) {
      data.add(example(new Label(o.better() ? BETTER : "worse"), o.fault(), o.action(), o.scope()));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), EPOCHS, seed);
    return new PreRanker(trainer.train(data), outcomes.size(), seed);
  }

  /** The estimated probability that the action does better than doing nothing. */
  public double probabilityBetter(FaultKind fault, ActionKind action, Scope scope) {
    Label score =
        model
            .predict(example(LabelFactory.UNKNOWN_LABEL, fault, action, scope))
            .getOutputScores()
            .get(BETTER);
    return score == null ? 0 : score.getScore();
  }

  /** What it was trained on, for the reasons shown with a candidate. */
  public String describe() {
    return "Tribuo logistic regression on " + examples + " recorded outcomes, seed " + seed;
  }

  private static Example<Label> example(
      Label label, FaultKind fault, ActionKind action, Scope scope) {
    String[] names = {
      "bias", "fault=" + fault, "action=" + action, "pair=" + fault + ':' + action, "scope=" + scope
    };
    double[] values = {1, 1, 1, 1, 1};
    return new ArrayExample<>(label, names, values);
  }
}
