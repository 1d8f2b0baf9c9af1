/**
 * One report model for every way a report is shown: {@link io.rehearsal.report.RehearsalReport}
 * (what a rehearsal learned) and {@link io.rehearsal.report.SimulationReport} (a twin simulation,
 * pooled). Renderers sit in sub-packages: {@code text} for the terminal, {@code json} for machines
 * (Jackson), {@code html} for people (Qute templates, one self-contained page).
 */
package io.rehearsal.report;
