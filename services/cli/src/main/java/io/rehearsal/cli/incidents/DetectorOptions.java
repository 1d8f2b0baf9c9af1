package io.rehearsal.cli.incidents;

import picocli.CommandLine.Option;

/** Where the detector is and how to print: the options both incident commands share. */
final class DetectorOptions {

  /** The detector's gRPC address as {@code rehearsal up} starts it (its OTLP/gRPC port). */
  static final String DEFAULT_DETECTOR = "localhost:4317";

  @Option(
      names = "--detector",
      paramLabel = "HOST:PORT",
      defaultValue = DEFAULT_DETECTOR,
      description =
          "The detector's gRPC address, where it also receives OTLP (default: ${DEFAULT-VALUE},"
              + " as './rehearsal up' starts it).")
  String detector;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;
}
