package io.rehearsal.rehearse.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical big-endian binary encoding of {@link Job} and {@link JobResult}: a one-byte tag ('J' or
 * 'R'), a version byte, then ints, and doubles as their IEEE-754 bits, so a result decoded in
 * another process is bit-identical to the one computed. Version 3 adds each replication's {@link
 * ReplicationSeries} (at most 120 buckets, about 2 KB).
 */
public final class JobCodec {
  private static final byte JOB = 'J';
  private static final byte RESULT = 'R';
  private static final byte VERSION = 3;
  private static final int MAX_SLOS = 10_000;

  private JobCodec() {}

  /** Encodes a job (14 bytes). */
  public static byte[] encode(Job job) {
    return write(out -> writeJob(out, JOB, job));
  }

  /** Encodes a job result. */
  public static byte[] encode(JobResult result) {
    return write(
        out -> {
          writeJob(out, RESULT, result.job());
          for (ReplicationOutcome o : result.outcomes()) {
            writeOutcome(out, o);
          }
        });
  }

  /**
   * Decodes a job.
   *
   * @throws IllegalArgumentException if the bytes are not an encoded job
   */
  public static Job decodeJob(byte[] bytes) {
    return read(bytes, in -> readJob(in, JOB));
  }

  /**
   * Decodes a job result.
   *
   * @throws IllegalArgumentException if the bytes are not an encoded job result
   */
  public static JobResult decodeResult(byte[] bytes) {
    return read(
        bytes,
        in -> {
          Job job = readJob(in, RESULT);
          List<ReplicationOutcome> outcomes = new ArrayList<>();
          for (int i = 0; i < job.size(); i++) {
            outcomes.add(readOutcome(in));
          }
          return new JobResult(job, outcomes);
        });
  }

  private static void writeJob(DataOutputStream out, byte tag, Job job) throws IOException {
    out.writeByte(tag);
    out.writeByte(VERSION);
    out.writeInt(job.arm());
    out.writeInt(job.from());
    out.writeInt(job.to());
  }

  private static Job readJob(DataInputStream in, byte tag) throws IOException {
    byte t = in.readByte();
    byte v = in.readByte();
    if (t != tag || v != VERSION) {
      throw new IllegalArgumentException(
          "expected tag " + (char) tag + " version " + VERSION + ", but was " + t + " " + v);
    }
    return new Job(in.readInt(), in.readInt(), in.readInt());
  }

  private static void writeOutcome(DataOutputStream out, ReplicationOutcome o) throws IOException {
    out.writeDouble(o.sloAttainment());
    out.writeDouble(o.gradedAttainment());
    out.writeDouble(o.p99Latency());
    out.writeDouble(o.errorRate());
    out.writeDouble(o.timeToRecover());
    out.writeDouble(o.cost());
    out.writeBoolean(o.recovered());
    out.writeInt(o.perSlo().size());
    for (double v : o.perSlo()) {
      out.writeDouble(v);
    }
    writeSeries(out, o.series());
  }

  private static void writeSeries(DataOutputStream out, ReplicationSeries s) throws IOException {
    out.writeDouble(s.start());
    out.writeDouble(s.width());
    out.writeInt(s.buckets());
    for (int i = 0; i < s.buckets(); i++) {
      out.writeDouble(s.p99(i));
      out.writeDouble(s.errorRate(i));
    }
  }

  private static ReplicationSeries readSeries(DataInputStream in) throws IOException {
    double start = in.readDouble();
    double width = in.readDouble();
    int n = in.readInt();
    if (n < 0 || n > ReplicationSeries.MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "bucket count must be in [0, " + ReplicationSeries.MAX_BUCKETS + "], but was " + n);
    }
    double[] p99 = new double[n];
    double[] errors = new double[n];
    for (int i = 0; i < n; i++) {
      p99[i] = in.readDouble();
      errors[i] = in.readDouble();
    }
    return new ReplicationSeries(start, width, p99, errors);
  }

  private static ReplicationOutcome readOutcome(DataInputStream in) throws IOException {
    double attainment = in.readDouble();
    double graded = in.readDouble();
    double p99 = in.readDouble();
    double errors = in.readDouble();
    double ttr = in.readDouble();
    double cost = in.readDouble();
    boolean recovered = in.readBoolean();
    int slos = in.readInt();
    if (slos < 0 || slos > MAX_SLOS) {
      throw new IllegalArgumentException(
          "SLO count must be in [0, " + MAX_SLOS + "], but was " + slos);
    }
    List<Double> perSlo = new ArrayList<>(slos);
    for (int i = 0; i < slos; i++) {
      perSlo.add(in.readDouble());
    }
    return new ReplicationOutcome(
        attainment, graded, p99, errors, ttr, cost, recovered, perSlo, readSeries(in));
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      T value = reader.read(in);
      if (in.available() > 0) {
        throw new IllegalArgumentException(in.available() + " trailing bytes after the record");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated encoding of " + bytes.length + " bytes", e);
    }
  }
}
