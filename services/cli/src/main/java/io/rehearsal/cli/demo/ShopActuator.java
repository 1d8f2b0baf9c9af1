package io.rehearsal.cli.demo;

import io.rehearsal.proto.v1.Remediation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Carries out an approved remediation on the running shop, the way the shop's {@code
 * decision/CandidateActions} and {@code run.sh} carry out a candidate: scale starts fresh replicas
 * and gives every caller the new replica list; restart replaces each replica in turn; rollback
 * clears the fault switch (the "previous version"); rate limit, shedding, timeouts and retries go
 * to the admin endpoints. A fresh replica of the faulty service carries the fault, as a new copy of
 * the same version would.
 */
final class ShopActuator {

  private final ShopProcesses shop;
  private volatile Optional<FaultSpec> activeFault = Optional.empty();

  ShopActuator(ShopProcesses shop) {
    this.shop = shop;
  }

  /** The fault on the shop now (new replicas of its service get it too). */
  void faultInjected(FaultSpec fault) {
    activeFault = Optional.of(fault);
  }

  /**
   * Applies {@code r}; returns what was done, one line per step.
   *
   * @throws UnsupportedOperationException for kinds the shop has no actuator for (reroute,
   *     failover, autoscaler, cache, circuit breaker)
   */
  List<String> apply(Remediation r) throws IOException, InterruptedException {
    String service = r.getTarget().getService();
    return switch (r.getActionCase()) {
      case SCALE -> scale(service, r.getScale());
      case RESTART -> restart(service);
      case ROLLBACK -> rollback(service);
      case RATE_LIMIT -> rateLimit(service, r.getRateLimit().getRequestsPerSecond());
      case SHED_LOAD -> shed(service, r.getTarget().getEndpoint(), r.getShedLoad().getFraction());
      case TIMEOUT_CHANGE ->
          callPolicy(
              service,
              r.getTimeoutChange().getCallee().getService(),
              "\"timeoutMs\":" + millis(r.getTimeoutChange().getTimeout()));
      case RETRY_CHANGE -> retry(service, r.getRetryChange());
      default ->
          throw new UnsupportedOperationException(
              "the shop has no actuator for " + r.getActionCase() + " (" + r.getSummary() + ")");
    };
  }

  private List<String> scale(String service, Remediation.Scale scale)
      throws IOException, InterruptedException {
    int have = shop.replicasOf(service).size();
    int want = scale.hasAbsolute() ? scale.getAbsolute() : have + scale.getDelta();
    List<String> done = new ArrayList<>();
    if (want <= have) {
      done.add(service + " has " + have + " replicas; scaling in is not actuated by the demo");
      return done;
    }
    while (shop.replicasOf(service).size() < want) {
      ShopProcesses.Instance added = shop.startReplica(service);
      carryFault(added);
      done.add("started " + added.instance() + " on port " + added.port());
    }
    done.add(announceReplicas(service));
    return done;
  }

  private void carryFault(ShopProcesses.Instance added) throws IOException, InterruptedException {
    Optional<FaultSpec> fault = activeFault;
    if (fault.isPresent() && fault.get().service().equals(added.service())) {
      shop.adminAt(added, "POST", "/admin/fault", fault.get().switchJson());
    }
  }

  /** Every caller's replicas (and the load generator, for the entry service) learn the list. */
  private String announceReplicas(String service) throws IOException, InterruptedException {
    StringBuilder list = new StringBuilder();
    for (ShopProcesses.Instance i : shop.replicasOf(service)) {
      list.append(list.length() == 0 ? "" : ",").append("\"http://127.0.0.1:").append(i.port());
      list.append('"');
    }
    String json = "{\"to\":\"" + service + "\",\"replicas\":[" + list + "]}";
    List<String> callers = shop.callersOf(service);
    for (String caller : callers) {
      shop.admin(caller, "POST", "/admin/replicas", json);
    }
    if (service.equals("frontend")) {
      shop.writeTargets();
      return "the load generator now sends to every frontend replica";
    }
    return "callers " + callers + " now round-robin over " + shop.replicasOf(service).size();
  }

  private List<String> restart(String service) throws IOException, InterruptedException {
    List<String> done = new ArrayList<>();
    for (ShopProcesses.Instance i : shop.replicasOf(service)) {
      shop.restart(i);
      done.add("restarted " + i.instance());
    }
    return done;
  }

  private List<String> rollback(String service) throws IOException, InterruptedException {
    shop.admin(service, "DELETE", "/admin/fault", null);
    if (activeFault.map(f -> f.service().equals(service)).orElse(false)) {
      activeFault = Optional.empty();
    }
    return List.of("rolled back every " + service + " replica (DELETE /admin/fault)");
  }

  private List<String> rateLimit(String service, double rate)
      throws IOException, InterruptedException {
    double each = rate / shop.replicasOf(service).size();
    shop.admin(
        service,
        "POST",
        "/admin/rate-limit",
        String.format(Locale.ROOT, "{\"ratePerSecond\":%.3f}", each));
    return List.of(String.format(Locale.ROOT, "%s limited to %.1f requests/s", service, rate));
  }

  private List<String> shed(String service, String endpoint, double share)
      throws IOException, InterruptedException {
    String route = endpoint == null || endpoint.isBlank() ? "*" : endpoint;
    shop.admin(
        service,
        "POST",
        "/admin/shed",
        String.format(Locale.ROOT, "{\"route\":\"%s\",\"share\":%.4f}", route, share));
    return List.of(
        String.format(Locale.ROOT, "%s sheds %.0f %% of %s", service, share * 100, route));
  }

  private List<String> retry(String caller, Remediation.RetryChange retry)
      throws IOException, InterruptedException {
    int retries = retry.hasMaxAttempts() ? Math.max(0, retry.getMaxAttempts() - 1) : 1;
    return callPolicy(
        caller,
        retry.getCallee().getService(),
        "\"retries\":"
            + retries
            + ",\"backoffMs\":"
            + millis(retry.getBackoffBase())
            + ",\"retryOn\":\"any\"");
  }

  private List<String> callPolicy(String caller, String callee, String fields)
      throws IOException, InterruptedException {
    if (callee.isBlank()) {
      throw new UnsupportedOperationException("a call policy change without a callee");
    }
    shop.admin(caller, "POST", "/admin/call-policy", "{\"to\":\"" + callee + "\"," + fields + "}");
    return List.of(caller + " -> " + callee + ": " + fields.replace("\"", ""));
  }

  private static long millis(com.google.protobuf.Duration d) {
    return d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
  }
}
