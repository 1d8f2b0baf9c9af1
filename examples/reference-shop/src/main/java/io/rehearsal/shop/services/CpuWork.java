package io.rehearsal.shop.services;

import io.rehearsal.shop.Costs.EndpointCost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Real CPU work: SHA-256 rounds until the calling thread has used the requested CPU time. The
 * demand is measured in thread CPU time, so under contention the wall time stretches while the CPU
 * demand stays what the costs file says — processor sharing, as on a real busy host.
 */
public final class CpuWork {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(CpuWork::sha256);

  private final Random random;

  /** Draws per-request demands from {@code random} (shared, thread-safe). */
  public CpuWork(Random random) {
    this.random = random;
  }

  /** Burns a lognormal draw with the endpoint's mean and coefficient of variation. */
  public long burn(EndpointCost cost) {
    long micros = draw(cost.cpuMicros(), cost.cv());
    burnMicros(micros);
    return micros;
  }

  /** A lognormal draw with mean {@code mean} and coefficient of variation {@code cv}. */
  long draw(double mean, double cv) {
    if (mean <= 0 || cv == 0) {
      return Math.round(mean);
    }
    double sigma2 = Math.log(1 + cv * cv);
    double mu = Math.log(mean) - sigma2 / 2;
    return Math.round(Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian()));
  }

  /** Burns exactly {@code micros} of this thread's CPU time (to ~10 µs). */
  public static void burnMicros(long micros) {
    if (micros <= 0) {
      return;
    }
    long deadline = THREADS.getCurrentThreadCpuTime() + micros * 1_000;
    MessageDigest digest = SHA256.get();
    byte[] block = new byte[32];
    while (THREADS.getCurrentThreadCpuTime() < deadline) {
      for (int i = 0; i < 8; i++) {
        digest.update(block);
        block = digest.digest();
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
