package io.rehearsal.service;

import io.rehearsal.store.Health;
import io.rehearsal.store.RedisStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A service is ready only while Redis answers: everything durable lives there. */
@Readiness
@ApplicationScoped
class RedisReadinessCheck implements HealthCheck {

  private final RedisStore store;

  RedisReadinessCheck(RedisStore store) {
    this.store = store;
  }

  @Override
  public HealthCheckResponse call() {
    Health health = store.ping();
    return HealthCheckResponse.named("redis")
        .status(health.up())
        .withData("uri", store.uri())
        .withData("detail", health.detail())
        .withData("latencyMicros", health.latency().toNanos() / 1_000)
        .build();
  }
}
