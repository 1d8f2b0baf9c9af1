package io.rehearsal.shop.load;

import io.rehearsal.shop.Args;
import io.rehearsal.shop.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Drives the shop:
 *
 * <pre>
 * java -cp ... io.rehearsal.shop.load.LoadMain --target http://127.0.0.1:9100 --rate 40
 *     [--schedule 0:40,60:80] --duration 60 [--warmup 10] [--start-at-epoch-ms T]
 *     [--seed 1] [--mix 0.6,0.3,0.1] [--max-outstanding 2000] [--timeout-ms 5000] [--out FILE]
 *     [--targets-file FILE] [--requests-out FILE.csv.gz]
 * </pre>
 *
 * With {@code --requests-out} every measured request is also logged as the client saw it ({@link
 * RequestLog}).
 *
 * <p>With {@code --targets-file} the requests go round robin over the base URIs listed in the file
 * (one per line, {@code --target} until it is readable), re-read when it changes: an entry service
 * scaled out during the run is picked up.
 *
 * <p>With {@code --start-at-epoch-ms T} the warm-up runs in {@code [T - warmup, T)} and the
 * measured load in {@code [T, T + duration)}, so a script can schedule faults against T. The
 * warm-up's outcomes are not reported.
 */
public final class LoadMain {
  private LoadMain() {}

  /** Entry point; writes the outcome JSON to {@code --out} and standard output. */
  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv);
    double duration = args.decimal("duration", 60);
    double warmup = args.decimal("warmup", 0);
    String schedule = args.optional("schedule", "0:" + args.decimal("rate", 40));
    RateSchedule load = RateSchedule.parse(schedule, duration);
    long seed = args.number("seed", 1);
    long startAt =
        args.number("start-at-epoch-ms", System.currentTimeMillis() + (long) (warmup * 1000));
    LoadGenerator generator = generator(args, seed);

    long startNanos = System.nanoTime() + (startAt - System.currentTimeMillis()) * 1_000_000L;
    if (warmup > 0) {
      RateSchedule warm = RateSchedule.constant(load.segments().get(0).ratePerSecond(), warmup);
      generator.run(warm.arrivalsNanos(seed + 1), startNanos - (long) (warmup * 1e9));
    }
    RequestLog log = new RequestLog();
    Map<String, EndpointOutcome> outcomes =
        generator.run(load.arrivalsNanos(seed), startNanos, log);
    String requests = args.optional("requests-out", null);
    if (requests != null) {
      log.write(Path.of(requests));
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startEpochMs", startAt);
    report.put("endEpochMs", startAt + (long) (duration * 1000));
    report.put("schedule", schedule);
    report.put("seed", seed);
    Map<String, Object> endpoints = new LinkedHashMap<>();
    outcomes.forEach((k, v) -> endpoints.put(k, v.summary()));
    report.put("endpoints", endpoints);
    byte[] json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
    String out = args.optional("out", null);
    if (out != null) {
      Files.write(Path.of(out), json);
    }
    System.out.println(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    System.exit(0);
  }

  private static LoadGenerator generator(Args args, long seed) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    LoadGenerator.Settings settings =
        new LoadGenerator.Settings(
            URI.create(args.required("target")),
            seed,
            (int) args.number("max-outstanding", 2000),
            Duration.ofMillis(args.number("timeout-ms", 5000)));
    RequestMix mix = RequestMix.parse(args.optional("mix", "0.6,0.3,0.1"));
    String file = args.optional("targets-file", null);
    TargetList targets =
        file == null
            ? TargetList.of(settings.target())
            : TargetList.watching(Path.of(file), settings.target(), System::nanoTime);
    return new LoadGenerator(client, settings, mix, System::nanoTime, targets);
  }
}
