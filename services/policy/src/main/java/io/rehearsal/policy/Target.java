package io.rehearsal.policy;

import java.util.Objects;

/**
 * What a remediation applies to; unset parts are empty strings (never null) so rules can compare
 * them without {@code has()}.
 *
 * @param service service name, e.g. {@code checkout}
 * @param endpoint endpoint, e.g. {@code POST /checkout}
 * @param dependency dependency name, e.g. {@code payments-db}
 * @param region region, e.g. {@code eu-west-1}
 */
public record Target(String service, String endpoint, String dependency, String region) {

  /** Replaces nulls with empty strings. */
  public Target {
    service = Objects.requireNonNullElse(service, "");
    endpoint = Objects.requireNonNullElse(endpoint, "");
    dependency = Objects.requireNonNullElse(dependency, "");
    region = Objects.requireNonNullElse(region, "");
  }

  /** A whole service. */
  public static Target service(String service) {
    return new Target(service, "", "", "");
  }

  /** The key kill switches and recent actions are kept under: the service, else the dependency. */
  public String key() {
    return service.isEmpty() ? dependency : service;
  }
}
