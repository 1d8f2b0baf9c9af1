package io.rehearsal.cli.up;

import io.rehearsal.cli.CommandFailure;
import io.rehearsal.cli.ports.PortCheck;
import io.rehearsal.cli.ports.PortHolder;
import io.rehearsal.cli.ports.PortOwner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks made before anything starts, so a failed {@code up} leaves nothing behind. */
final class Preflight {

  private Preflight() {}

  /** Every service's {@code quarkus-run.jar} must exist under {@code home}. */
  static void requireJars(Path home, List<ServicePorts> services) {
    List<String> missing = new ArrayList<>();
    for (ServicePorts ports : services) {
      Path jar = ports.service().runJar(home);
      if (!Files.isRegularFile(jar)) {
        missing.add(jar.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandFailure(
          "service jars are missing: "
              + String.join(", ", missing)
              + "; build them with ./mvnw -DskipTests package (the ./rehearsal launcher does)");
    }
  }

  /** Every port must be free; the error names each taken port, who wanted it and who holds it. */
  static void requireFreePorts(List<ServicePorts> services, PortOwner owner) {
    List<String> conflicts = new ArrayList<>();
    for (ServicePorts ports : services) {
      for (PortClaim claim : ports.claims()) {
        if (!PortCheck.isFree(claim.port())) {
          conflicts.add(conflict(claim, owner.find(claim.port())));
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw new CommandFailure(
          String.join("\n", conflicts)
              + "\nnothing was started; stop the process holding the port or choose another"
              + " port with the option named above");
    }
  }

  static String conflict(PortClaim claim, Optional<PortHolder> holder) {
    String who = holder.map(PortHolder::describe).orElse("a process that could not be found");
    return "port "
        + claim.port()
        + " ("
        + claim.purpose()
        + ", "
        + claim.option()
        + ") is already in use by "
        + who;
  }
}
