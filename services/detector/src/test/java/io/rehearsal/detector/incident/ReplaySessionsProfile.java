package io.rehearsal.detector.incident;

/** {@link IncidentReplayProfile} in a detector of its own (a fresh Redis directory). */
public class ReplaySessionsProfile extends IncidentReplayProfile {}
