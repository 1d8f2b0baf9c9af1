/**
 * The Numenta Anomaly Benchmark (NAB) in plain Java: its data, label and result file formats and a
 * port of its scoring rules (anomaly windows, scaled sigmoid weighting, cost profiles, one
 * threshold optimised over the whole corpus, normalisation against the null and perfect detectors).
 */
package io.rehearsal.ml.nab;
