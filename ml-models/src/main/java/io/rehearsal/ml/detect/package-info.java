/**
 * Streaming anomaly detectors: one point in, one raw score out, no look-ahead, deterministic given
 * a seed. The root holds the contract ({@link io.rehearsal.ml.detect.StreamingDetector}), the
 * configuration and the factory; each algorithm is one package-private class.
 */
package io.rehearsal.ml.detect;
