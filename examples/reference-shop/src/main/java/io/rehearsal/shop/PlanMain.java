package io.rehearsal.shop;

import java.nio.file.Path;

/**
 * Prints the process plan for {@code run.sh}: one line {@code service instance port} per process,
 * in start order.
 */
public final class PlanMain {
  private PlanMain() {}

  /** {@code PlanMain overlay.yaml basePort}. */
  public static void main(String[] argv) throws Exception {
    if (argv.length != 2) {
      throw new IllegalArgumentException("usage: PlanMain OVERLAY BASE_PORT");
    }
    Topology plan = Topology.plan(Overlay.load(Path.of(argv[0])), Integer.parseInt(argv[1]));
    for (Topology.ProcessSpec p : plan.processes()) {
      System.out.println(p.service() + " " + p.instance() + " " + p.port());
    }
  }
}
