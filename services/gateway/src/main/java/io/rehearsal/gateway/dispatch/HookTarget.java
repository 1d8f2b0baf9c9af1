package io.rehearsal.gateway.dispatch;

import io.rehearsal.proto.v1.Environment;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A production automation hook: where approved decisions of its environments are delivered.
 *
 * @param name shown in reasons, dead letters and the ledger, e.g. {@code argo}
 * @param url the http(s) endpoint
 * @param secret the Standard Webhooks signing secret ({@code whsec_} + base64)
 * @param environments environments it runs actions for; empty means all
 */
public record HookTarget(String name, URI url, String secret, Set<Environment> environments) {

  /** Checks the fields and copies the set. */
  public HookTarget {
    Objects.requireNonNull(name, "hook name");
    String scheme = url == null ? null : url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(
          "hooks." + name + ".url must be an http(s) URL, but was " + url);
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("hooks." + name + ".secret must be set");
    }
    environments = Set.copyOf(environments);
  }

  /** Whether this hook runs actions in {@code environment}. */
  public boolean serves(Environment environment) {
    return environments.isEmpty() || environments.contains(environment);
  }

  @Override
  public String toString() {
    return "HookTarget[" + name + " " + url + " " + environments + "]"; // never the secret
  }
}
