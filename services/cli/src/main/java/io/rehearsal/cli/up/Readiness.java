package io.rehearsal.cli.up;

import java.time.Duration;
import java.util.List;

/** The outcome of waiting for the services: all ready, or which ones are not and why. */
sealed interface Readiness permits Readiness.Ready, Readiness.NotReady {

  /**
   * A service that answered ready.
   *
   * @param service the service
   * @param startup time from process start to its first ready answer
   */
  record ReadyService(ServiceProcess service, Duration startup) {}

  /**
   * A service that did not become ready.
   *
   * @param service the service
   * @param reason why, e.g. {@code exited with code 1} or the last health answer
   */
  record Problem(ServiceProcess service, String reason) {}

  /** Every service answered ready. */
  record Ready(List<ReadyService> services) implements Readiness {
    public Ready {
      services = List.copyOf(services);
    }
  }

  /** A service died, or the timeout passed first. */
  record NotReady(String summary, List<Problem> problems) implements Readiness {
    public NotReady {
      problems = List.copyOf(problems);
    }
  }
}
