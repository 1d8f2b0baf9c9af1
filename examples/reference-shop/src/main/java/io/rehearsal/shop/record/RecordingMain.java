package io.rehearsal.shop.record;

import io.rehearsal.shop.Args;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Recording tools for {@code run.sh}:
 *
 * <pre>
 * RecordingMain merge --dir DIR --from-epoch-ms T0 --to-epoch-ms T1 --out FILE.otlp.jsonl.gz
 *     [--sample-ratio 0.25]
 * RecordingMain summary --file FILE.otlp.jsonl.gz [--external payment-gateway]
 * </pre>
 */
public final class RecordingMain {
  private RecordingMain() {}

  /** Entry point. */
  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      throw new IllegalArgumentException("usage: RecordingMain merge|summary --key value ...");
    }
    Args args = Args.parse(Arrays.copyOfRange(argv, 1, argv.length));
    switch (argv[0]) {
      case "merge" -> merge(args);
      case "summary" -> summary(args);
      default -> throw new IllegalArgumentException("unknown command: " + argv[0]);
    }
  }

  private static void merge(Args args) throws Exception {
    RecordingMerger merger =
        new RecordingMerger(
            args.number("from-epoch-ms", Long.MIN_VALUE / 1_000_000L),
            args.number("to-epoch-ms", Long.MAX_VALUE / 1_000_000L),
            args.decimal("sample-ratio", 1));
    RecordingMerger.Result result =
        merger.merge(Path.of(args.required("dir")), Path.of(args.required("out")));
    System.out.println("merged " + result);
  }

  private static void summary(Args args) throws Exception {
    List<String> external = List.of(args.optional("external", "payment-gateway").split(","));
    System.out.printf(
        "%-34s %8s %8s %9s %9s %7s%n", "endpoint", "count", "rate/s", "p50 ms", "p99 ms", "err");
    for (RecordingSummary.EndpointStats s :
        RecordingSummary.of(Path.of(args.required("file")), external)) {
      System.out.printf(
          "%-34s %8d %8.2f %9.2f %9.2f %7.4f%n",
          s.endpoint(), s.count(), s.ratePerSecond(), s.p50Ms(), s.p99Ms(), s.errorRate());
    }
  }
}
