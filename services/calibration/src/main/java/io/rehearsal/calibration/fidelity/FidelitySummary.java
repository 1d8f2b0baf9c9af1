package io.rehearsal.calibration.fidelity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Mean errors over the endpoints in the summary.
 *
 * @param p50Mape mean absolute percentage error of the median latency (as a fraction)
 * @param p99Mape mean absolute percentage error of the 99th percentile latency
 * @param throughputMape mean absolute percentage error of the throughput
 * @param errorRateAbsDiff mean absolute difference of the error rate
 * @param endpoints endpoints in the summary
 */
public record FidelitySummary(
    @JsonProperty("p50_mape") double p50Mape,
    @JsonProperty("p99_mape") double p99Mape,
    @JsonProperty("throughput_mape") double throughputMape,
    @JsonProperty("error_rate_abs_diff") double errorRateAbsDiff,
    @JsonProperty("endpoints") int endpoints) {}
