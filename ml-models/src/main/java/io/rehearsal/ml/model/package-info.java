/**
 * Trained detectors as versioned artifacts: what was trained (detector and configuration), on what
 * (a hash of the training data), with which seed, and what training measured (score quantiles and
 * the alarm threshold). Written and read as JSON; a corrupt or incompatible artifact is refused.
 */
package io.rehearsal.ml.model;
