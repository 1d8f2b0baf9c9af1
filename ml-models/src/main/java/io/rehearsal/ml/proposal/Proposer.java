package io.rehearsal.ml.proposal;

import io.rehearsal.ml.rca.RcaInput;
import io.rehearsal.ml.rca.ServiceState;
import io.rehearsal.ml.rca.Suspect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns ranked suspects into candidates: for each of the first suspects, every catalog rule that
 * matches its fault kind and target kind expands its actions over their parameter grids; guards
 * hold back what breaks a replica limit, a rollback without a visible version change and what is
 * cooling down; the rest are ordered by prior (the suspect's score, discounted by 15 % per place in
 * the catalog) and cut to the budget.
 *
 * <pre>{@code
 * Proposals p = new Proposer(catalog).propose(input, suspects, recentActions, nowSecond);
 * }</pre>
 */
public final class Proposer {
  private static final double DISCOUNT = 0.85;

  private final Catalog catalog;
  private final PreRanker preRanker;

  /** A proposer for this catalog that orders by catalog prior only. */
  public Proposer(Catalog catalog) {
    this(catalog, null);
  }

  /**
   * A proposer for this catalog; when it yields more candidates than the budget, {@code preRanker}
   * (if not null) orders them by its probability of doing better than nothing first.
   */
  public Proposer(Catalog catalog, PreRanker preRanker) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.preRanker = preRanker;
  }

  /**
   * The candidates for one incident.
   *
   * @param input what root-cause ranking looked at (replicas, callers, versions, traffic)
   * @param suspects the ranked suspects
   * @param recent actions taken recently, for the cool-down
   * @param nowSecond the current time, epoch seconds
   */
  public Proposals propose(
      RcaInput input, List<Suspect> suspects, List<RecentAction> recent, long nowSecond) {
    Topology topology = new Topology(input);
    Map<String, Proposal> byName = new LinkedHashMap<>();
    Map<String, Suspect> answers = new LinkedHashMap<>();
    List<String> heldBack = new ArrayList<>();
    int n = Math.min(catalog.suspects(), suspects.size());
    for (int i = 0; i < n; i++) {
      Suspect suspect = suspects.get(i);
      if (suspect.score() < catalog.minScore()) {
        heldBack.add(
            String.format(
                Locale.ROOT,
                "suspect %s: score %.3f below minScore %.2f, no proposals",
                suspect.label(),
                suspect.score(),
                catalog.minScore()));
        continue;
      }
      Expansion expansion = new Expansion(topology, catalog.guards(), recent, nowSecond, suspect);
      for (Catalog.Rule rule : catalog.rules()) {
        if (rule.when().matches(suspect.kind(), suspect.dependency())) {
          rule.propose().forEach(expansion::expand);
        }
      }
      heldBack.addAll(expansion.heldBack);
      double prior = suspect.score();
      for (Proposal p : expansion.proposals) {
        if (byName.putIfAbsent(p.name(), withPrior(p, prior, List.of())) == null) {
          answers.put(p.name(), suspect);
        }
        prior *= DISCOUNT;
      }
    }
    List<Proposal> ranked = new ArrayList<>(byName.values());
    ranked.sort(Comparator.comparingDouble(Proposal::prior).reversed());
    int budget = catalog.budget();
    if (preRanker != null && ranked.size() > budget) {
      ranked = preRank(ranked, answers);
    }
    for (Proposal cut : ranked.subList(Math.min(budget, ranked.size()), ranked.size())) {
      heldBack.add(cut.name() + ": over the budget of " + budget + " candidates");
    }
    return new Proposals(ranked.subList(0, Math.min(budget, ranked.size())), heldBack);
  }

  private List<Proposal> preRank(List<Proposal> ranked, Map<String, Suspect> answers) {
    Map<String, Double> chance = new LinkedHashMap<>();
    List<Proposal> out = new ArrayList<>();
    for (Proposal p : ranked) {
      double c =
          preRanker.probabilityBetter(
              answers.get(p.name()).kind(), p.steps().get(0).kind(), p.scope());
      chance.put(p.name(), c);
      String why =
          String.format(
              Locale.ROOT,
              "pre-ranker: %.0f%% likely to beat doing nothing (%s)",
              100 * c,
              preRanker.describe());
      out.add(withPrior(p, p.prior(), List.of(why)));
    }
    out.sort(
        Comparator.comparingDouble((Proposal p) -> chance.get(p.name()))
            .reversed()
            .thenComparing(Comparator.comparingDouble(Proposal::prior).reversed()));
    return out;
  }

  private static Proposal withPrior(Proposal p, double prior, List<String> more) {
    List<String> why = new ArrayList<>(p.why());
    why.addAll(more);
    return new Proposal(p.name(), p.steps(), p.blastRadius(), p.scope(), p.suspect(), prior, why);
  }

  /** Expands the actions for one suspect, applying the guards. */
  private static final class Expansion {
    final Topology topology;
    final Catalog.Guards guards;
    final List<RecentAction> recent;
    final long now;
    final Suspect suspect;
    final List<Proposal> proposals = new ArrayList<>();
    final List<String> heldBack = new ArrayList<>();

    Expansion(
        Topology topology, Catalog.Guards guards, List<RecentAction> recent, long now, Suspect s) {
      this.topology = topology;
      this.guards = guards;
      this.recent = recent;
      this.now = now;
      this.suspect = s;
    }

    void expand(Action a) {
      List<String> targets = targets(a);
      for (String target : targets) {
        switch (a.action()) {
          case SCALE -> scale(a, target);
          case ROLLBACK -> rollback(a, target);
          case RESTART ->
              add(a, "restart " + target, step(a, target, null, null, null), "restart one by one");
          case RATE_LIMIT -> rateLimit(a, target);
          case SHED_LOAD -> shed(a, target);
          case CALL_POLICY -> throw new IllegalStateException("routes are expanded apart");
        }
      }
      if (a.action() == ActionKind.CALL_POLICY) {
        topology.routesInto(suspect.target()).forEach(route -> callPolicy(a, route[0], route[1]));
      }
    }

    private List<String> targets(Action a) {
      return switch (a.on()) {
        case SUSPECT -> suspect.dependency() ? notForDependency(a) : List.of(suspect.target());
        case CALLERS ->
            a.action() == ActionKind.CALL_POLICY
                ? List.of()
                : topology.callerServices(suspect.target());
        case ENTRY -> topology.entryEndpoints(suspect.target(), suspect.endpoint());
      };
    }

    private List<String> notForDependency(Action a) {
      heldBack.add(
          a.action() + " " + suspect.target() + ": an external dependency, not ours to change");
      return List.of();
    }

    private void scale(Action a, String service) {
      int current = topology.replicas(service);
      Catalog.Limits limits = guards.limits(service);
      List<Integer> counts = new ArrayList<>(a.replicas());
      a.add().forEach(k -> counts.add(current + k));
      for (int count : counts) {
        String name = "scale " + service + " to " + count;
        if (count <= current) {
          heldBack.add(name + ": not above the current " + current + " replicas");
        } else if (count > limits.max() || count < limits.min()) {
          heldBack.add(name + ": outside the replica limits " + limits.min() + ".." + limits.max());
        } else {
          add(
              a,
              name,
              step(a, service, null, (double) count, null),
              "from " + current + " to " + count + " replicas (limit " + limits.max() + ")");
        }
      }
    }

    private void rollback(Action a, String service) {
      ServiceState state = topology.state(service);
      String name = "roll back " + service;
      if (state == null || !state.versionChanged()) {
        String seen =
            state == null
                ? "none reported"
                : state.versionsBefore() + " before, " + state.versionsDuring() + " during";
        heldBack.add(name + ": no recent service.version change visible (" + seen + ")");
        return;
      }
      add(
          a,
          name,
          step(a, service, null, null, null),
          "version " + state.versionsDuring() + " appeared; before: " + state.versionsBefore());
    }

    private void rateLimit(Action a, String service) {
      double rate = topology.rate(service);
      for (double f : a.fraction()) {
        long limit = Math.max(1, Math.round(rate * f));
        add(
            a,
            "rate-limit " + service + " to " + limit + " req/s",
            step(a, service, null, (double) limit, null),
            f("%.0f%% of its normal %.1f req/s", 100 * f, rate));
      }
    }

    private void shed(Action a, String endpoint) {
      for (double f : a.fraction()) {
        add(
            a,
            f("shed %.0f%% of %s", 100 * f, endpoint),
            step(a, endpoint, null, f, null),
            f("drop %.0f%% of the requests at %s", 100 * f, endpoint));
      }
    }

    private void callPolicy(Action a, String from, String to) {
      List<Double> timeouts =
          a.timeout().isEmpty() ? java.util.Collections.singletonList(null) : a.timeout();
      List<Integer> retries =
          a.retries().isEmpty() ? java.util.Collections.singletonList(null) : a.retries();
      for (Double timeout : timeouts) {
        for (Integer retry : retries) {
          String what =
              (timeout == null ? "" : f("timeout %s s", trim(timeout)))
                  + (timeout != null && retry != null ? ", " : "")
                  + (retry == null ? "" : retry + " retries");
          add(
              a,
              from + " -> " + to + ": " + what,
              new Step(a.action(), from, to, timeout, a.delay(), retry, a.backoff()),
              "calls from " + from + " to " + to + ": " + what);
        }
      }
    }

    private Step step(Action a, String target, String to, Double value, Integer retries) {
      return new Step(a.action(), target, to, value, a.delay(), retries, a.backoff());
    }

    private void add(Action a, String name, Step step, String detail) {
      for (RecentAction r : recent) {
        long ago = now - r.epochSecond();
        if (r.kind() == a.action()
            && r.target().equals(step.target())
            && ago >= 0
            && ago < guards.cooldownSeconds()) {
          heldBack.add(
              name
                  + ": the same action on "
                  + step.target()
                  + " ran "
                  + ago
                  + " s ago (cool-down "
                  + guards.cooldownSeconds()
                  + " s)");
          return;
        }
      }
      List<String> why = new ArrayList<>();
      why.add(a.why());
      why.add(
          f(
              "answers suspect %s (score %.2f): %s",
              suspect.label(),
              suspect.score(),
              suspect.why().isEmpty() ? "" : suspect.why().get(0)));
      why.add(detail);
      String blastOn = step.target();
      proposals.add(
          new Proposal(
              name, List.of(step), topology.blast(blastOn), a.on(), suspect.label(), 1, why));
    }

    private static String trim(double v) {
      return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String f(String format, Object... args) {
      return String.format(Locale.ROOT, format, args);
    }
  }
}
