package io.rehearsal.twin.engine;

import io.rehearsal.twin.run.DependencyResult;
import io.rehearsal.twin.run.EndpointResult;
import io.rehearsal.twin.run.EndpointResult.BucketResult;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.ServiceResult;
import io.rehearsal.twin.run.SloResult;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.SloSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;

/** Turns the state of a finished run into a {@link RunResult}. */
final class Results {
  private final Sim sim;
  private final Recorder rec;
  private final double end;
  private final double measured;

  Results(Sim sim) {
    this.sim = sim;
    this.rec = sim.recorder;
    this.end = sim.config.duration();
    this.measured = sim.config.measured();
  }

  RunResult build() {
    rec.integrateRoot(end);
    rec.finish();
    List<SloResult> slos = new ArrayList<>();
    List<boolean[]> sloBuckets = new ArrayList<>();
    for (int k = 0; k < sim.model.spec.slos().size(); k++) {
      SloSpec slo = sim.model.spec.slos().get(k);
      boolean[] met = bucketsMet(k, slo);
      sloBuckets.add(met);
      slos.add(slo(slo, met));
    }
    return new RunResult(
        sim.scenario.name(),
        sim.seed,
        sim.replication,
        sim.config,
        sim.processed,
        endpoints(),
        services(),
        dependencies(),
        slos,
        rec.rootArrivals / measured,
        rec.rootCompleted == 0 ? 0 : rec.rootLatencySum / rec.rootCompleted,
        rec.rootInSystemIntegral / measured,
        timeToRecover(sloBuckets),
        services().stream().mapToDouble(ServiceResult::replicaSeconds).sum());
  }

  private List<EndpointResult> endpoints() {
    List<EndpointResult> out = new ArrayList<>();
    for (int e = 0; e < rec.endpoints; e++) {
      out.add(endpoint(e));
    }
    return out;
  }

  private EndpointResult endpoint(int e) {
    long ok = rec.count(e, Status.OK);
    long total =
        ok
            + rec.count(e, Status.ERROR)
            + rec.count(e, Status.TIMEOUT)
            + rec.count(e, Status.REJECTED);
    AbstractHistogram h = rec.latency[e];
    return new EndpointResult(
        sim.model.endpoints.name[e],
        ok,
        rec.count(e, Status.ERROR),
        rec.count(e, Status.TIMEOUT),
        rec.count(e, Status.REJECTED),
        rec.callerTimeouts[e],
        total == 0 ? 0 : rec.latencySum[e] / total,
        rec.started[e] == 0 ? 0 : rec.queueWaitSum[e] / rec.started[e],
        rec.started[e] == 0 ? 0 : (double) rec.waited[e] / rec.started[e],
        percentile(h, 50),
        percentile(h, 95),
        percentile(h, 99),
        ok / measured,
        h,
        buckets(e));
  }

  private List<BucketResult> buckets(int e) {
    List<BucketResult> out = new ArrayList<>();
    for (int b = 0; b < rec.buckets; b++) {
      long failed = rec.bucketCount(e, b, Status.ERROR) + rec.bucketCount(e, b, Status.TIMEOUT);
      out.add(
          new BucketResult(
              b * rec.width,
              rec.bucketCount(e, b, Status.OK),
              failed,
              rec.bucketCount(e, b, Status.REJECTED),
              rec.bucketP50[e][b],
              rec.bucketP99[e][b],
              rec.spans.p50[e][b],
              rec.spans.p99[e][b],
              rec.kept == null ? null : rec.kept[e][b]));
    }
    return out;
  }

  private List<BucketResult> dependencyBuckets(int d) {
    CallSeries series = rec.depSeries;
    List<BucketResult> out = new ArrayList<>();
    for (int b = 0; b < rec.buckets; b++) {
      out.add(
          new BucketResult(
              b * rec.width,
              series.count(d, b, CallSeries.OK),
              series.count(d, b, CallSeries.FAILED),
              series.count(d, b, CallSeries.REJECTED),
              series.p50[d][b],
              series.p99[d][b],
              series.p50[d][b],
              series.p99[d][b],
              null));
    }
    return out;
  }

  static double percentile(AbstractHistogram h, double p) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / Recorder.MICROS;
  }

  private List<ServiceResult> services() {
    List<ServiceResult> out = new ArrayList<>();
    Replicas reps = sim.replicas;
    Control control = sim.control;
    for (int s = 0; s < sim.model.services; s++) {
      reps.integrate(s, end);
      double ready = reps.readyIntegral[s] - control.readyAtWarmup[s];
      double busy = reps.busyIntegral[s] - control.busyAtWarmup[s];
      out.add(
          new ServiceResult(
              sim.model.serviceName[s],
              reps.liveIntegral[s] - control.liveAtWarmup[s],
              ready / measured,
              ready == 0 ? 0 : busy / (ready * sim.model.workers[s]),
              Arrays.stream(control.readyPerBucket[s]).boxed().toList(),
              sim.autoscaling.decisions.get(s)));
    }
    return out;
  }

  private List<DependencyResult> dependencies() {
    List<DependencyResult> out = new ArrayList<>();
    for (int d = 0; d < rec.depCalls.length; d++) {
      String name = sim.model.spec.dependencies().get(d).name();
      out.add(
          new DependencyResult(
              name, rec.depCalls[d], rec.depLimited[d], rec.depErrors[d], dependencyBuckets(d)));
    }
    return out;
  }

  private SloResult slo(SloSpec slo, boolean[] met) {
    EndpointResult r = endpoint(sim.model.index.endpoint(slo.endpoint()));
    double availability = r.total() == 0 ? 1 : (double) r.ok() / r.total();
    double latency = percentile(r.latency(), slo.percentile());
    boolean ok = availability >= slo.availability() && !(latency > slo.latency());
    int first = firstMeasuredBucket();
    long good = 0;
    for (int b = first; b < met.length; b++) {
      good += met[b] ? 1 : 0;
    }
    double share = met.length == first ? 1 : (double) good / (met.length - first);
    return new SloResult(
        slo.endpoint(),
        slo.percentile(),
        slo.latency(),
        slo.availability(),
        latency,
        availability,
        ok,
        share);
  }

  private int firstMeasuredBucket() {
    return (int) Math.ceil(sim.config.warmup() / rec.width - 1e-9);
  }

  /** Per bucket: whether availability and the latency percentile met the SLO. */
  private boolean[] bucketsMet(int k, SloSpec slo) {
    int e = sim.model.index.endpoint(slo.endpoint());
    boolean[] met = new boolean[rec.buckets];
    for (int b = 0; b < rec.buckets; b++) {
      long ok = rec.bucketCount(e, b, Status.OK);
      long total =
          ok
              + rec.bucketCount(e, b, Status.ERROR)
              + rec.bucketCount(e, b, Status.TIMEOUT)
              + rec.bucketCount(e, b, Status.REJECTED);
      double availability = total == 0 ? 1 : (double) ok / total;
      double latency = rec.sloBucketLatency[k][b];
      met[b] = availability >= slo.availability() && !(latency > slo.latency());
    }
    return met;
  }

  private double timeToRecover(List<boolean[]> sloBuckets) {
    double firstFault =
        sim.scenario.faults().stream().mapToDouble(Fault::at).min().orElse(Double.NaN);
    if (Double.isNaN(firstFault) || firstFault >= end) {
      return 0;
    }
    int lastBad = -1;
    for (boolean[] met : sloBuckets) {
      for (int b = 0; b < met.length; b++) {
        if (!met[b] && (b + 1) * rec.width > firstFault) {
          lastBad = Math.max(lastBad, b);
        }
      }
    }
    if (lastBad < 0) {
      return 0;
    }
    return lastBad == rec.buckets - 1 ? Double.NaN : (lastBad + 1) * rec.width - firstFault;
  }
}
