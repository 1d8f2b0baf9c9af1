package io.rehearsal.calibration;

import java.util.List;
import java.util.Map;

/**
 * What host metrics say about the machine the services ran on, over the recorded period.
 *
 * @param host the host's {@code host.name} (empty when the metrics do not name it)
 * @param cores CPU cores ({@code cpu} values of {@code system.cpu.time}), NaN when unknown
 * @param busyCores mean cores not idle ({@code system.cpu.time} except idle, iowait and steal), NaN
 *     when unknown
 * @param serviceCores mean cores of each service's processes ({@code process.cpu.time} joined by
 *     {@code process.pid})
 * @param background the processes on the host that sent no traces, by executable name
 * @param fit how the background's growth with throughput was found (or what was assumed)
 * @param steady whether the entry rate hardly varied, so that fixed and per-request CPU could not
 *     be told apart
 */
public record HostLoad(
    String host,
    double cores,
    double busyCores,
    Map<String, Double> serviceCores,
    List<Background> background,
    String fit,
    boolean steady) {

  /** No host metrics. */
  public static final HostLoad NONE =
      new HostLoad("", Double.NaN, Double.NaN, Map.of(), List.of(), "no host metrics", false);

  /** Copies the collections. */
  public HostLoad {
    serviceCores = Map.copyOf(serviceCores);
    background = List.copyOf(background);
  }

  /** Whether host metrics were found. */
  public boolean known() {
    return !Double.isNaN(busyCores) || !background.isEmpty();
  }

  /** Background cores not tied to requests, summed. */
  public double fixedCores() {
    return background.stream().mapToDouble(Background::fixedCores).sum();
  }

  /** Background CPU seconds per entry request, summed. */
  public double perRequestSeconds() {
    return background.stream().mapToDouble(Background::perRequestSeconds).sum();
  }

  /**
   * CPU used on the host by processes the twin has no traces of: cores = fixedCores +
   * perRequestSeconds x entry requests per second.
   *
   * @param name executable name ({@code process.executable.name}), e.g. {@code python}
   * @param processes processes of that name
   * @param meanCores mean cores they used over the period
   * @param fixedCores the part that does not grow with throughput
   * @param perRequestSeconds CPU seconds per entry request
   */
  public record Background(
      String name, int processes, double meanCores, double fixedCores, double perRequestSeconds) {}
}
