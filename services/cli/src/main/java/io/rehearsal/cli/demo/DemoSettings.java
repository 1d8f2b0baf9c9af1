package io.rehearsal.cli.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One demo run's settings, validated by {@link DemoCommand}.
 *
 * @param home the repository root
 * @param work where everything the run writes goes
 * @param fault the fault injected after calibration
 * @param baseline fault-free load before calibrating
 * @param timeout how long after the fault the loop may take
 * @param rate the load generator's arrival rate per second
 * @param seed the load generator's seed
 * @param environment the environment the loop submits for
 * @param shopBasePort the first base port tried for the shop
 * @param once whether to stop at the end instead of waiting for Ctrl-C
 * @param approve whether a decision waiting on people is approved as the local on-call reviewer
 */
record DemoSettings(
    Path home,
    Path work,
    FaultSpec fault,
    Duration baseline,
    Duration timeout,
    double rate,
    long seed,
    String environment,
    int shopBasePort,
    boolean once,
    boolean approve) {}
