package io.rehearsal.detector;

/** The issues that build what the detector does not do yet, as named in UNIMPLEMENTED answers. */
final class DetectorIssues {

  static final String TELEMETRY =
      "the telemetry issue (OTLP receivers, windows, calibration of the twin)";

  private DetectorIssues() {}
}
