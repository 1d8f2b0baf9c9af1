package io.rehearsal.detector.loop;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.rehearsal.detector.incident.IncidentBeans;
import io.rehearsal.detector.incident.IncidentMonitor;
import io.rehearsal.detector.incident.IncidentOpened;
import io.rehearsal.detector.incident.IncidentsConfig;
import io.rehearsal.ml.proposal.Catalog;
import io.rehearsal.ml.proposal.CatalogException;
import io.rehearsal.ml.proposal.Catalogs;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.StoreConfig;
import io.rehearsal.twin.spec.TwinSpecs;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Wires the loop at start-up: the catalog (the loop is off, and says so once here and then on every
 * incident, when it is missing or invalid), the spans it ranks suspects from, its own connection to
 * the stored incidents, the gRPC clients, and a small pool that runs one {@link IncidentLoop} per
 * opened incident, off the ingest thread.
 */
@Singleton
public class LoopBeans {
  private static final Logger LOG = Logger.getLogger(LoopBeans.class);

  private final LoopConfig config;
  private final IncidentBeans incidents;
  private final RedisStore store;
  private final IncidentsConfig incidentsConfig;
  private final MeterRegistry registry;
  private IncidentLifecycle lifecycle;
  private Remotes remotes;
  private ExecutorService pool;

  LoopBeans(
      LoopConfig config,
      IncidentBeans incidents,
      IncidentsConfig incidentsConfig,
      RedisStore store,
      MeterRegistry registry) {
    this.config = config;
    this.incidents = incidents;
    this.incidentsConfig = incidentsConfig;
    this.store = store;
    this.registry = registry;
  }

  void start(@Observes StartupEvent event) {
    IncidentMonitor monitor = incidents.monitor();
    if (!config.enabled() || monitor == null) {
      LOG.info("The loop is off (rehearsal.detector.loop.enabled=false or incident detection off)");
      return;
    }
    Path catalogFile = config.catalog().toAbsolutePath().normalize();
    String problem = catalogProblem(catalogFile);
    Optional<Catalog> catalog =
        problem.isEmpty() ? Optional.of(Catalogs.read(catalogFile)) : Optional.empty();
    if (catalog.isEmpty()) {
      LOG.warnf("The loop is off: %s; incidents will say so", problem);
    }
    StoredTwin twin = new StoredTwin(store);
    if (twin.get().isEmpty()) {
      LOG.warn(
          "No current twin snapshot yet: incidents opened before one is set will say the loop is off");
    }
    lifecycle =
        IncidentLifecycle.connect(
            store.uri(),
            StoreConfig.defaults().keyPrefix(),
            Duration.ofSeconds(5),
            incidentsConfig.retained());
    remotes = new Remotes(config.sandbox(), config.gateway(), config.tokenFile());
    RecentSpans spans = new RecentSpans(config.recentSpans());
    monitor.tap(spans::add);
    Clock clock = Clock.systemUTC();
    IncidentLoop.Parts parts =
        new IncidentLoop.Parts(
            catalog,
            problem,
            twin,
            spans,
            () -> EvaluationOutcomes.train(store.evaluations(), store.journal().ledger("outcomes")),
            new IncidentNotes(lifecycle, clock),
            remotes,
            new LoopMetrics(registry),
            LoopSettings.of(config),
            clock);
    IncidentLoop loop = new IncidentLoop(parts, new Aftermath(parts, monitor::mitigating));
    pool = Executors.newFixedThreadPool(config.concurrency(), r -> daemon(r));
    incidents.onOpened((IncidentOpened opened) -> pool.execute(() -> loop.run(opened)));
    if (catalog.isPresent()) {
      LOG.infof(
          "The loop is on: catalog %s, sandbox %s, gateway %s, token %s",
          catalogFile, config.sandbox(), config.gateway(), config.tokenFile());
    }
  }

  /** Why the catalog cannot be used, or empty when it can. */
  static String catalogProblem(Path file) {
    if (!Files.isRegularFile(file)) {
      return "no catalog at " + file + " (rehearsal.detector.loop.catalog)";
    }
    try {
      Catalogs.read(file);
      return "";
    } catch (CatalogException e) {
      return "the catalog is invalid: " + e.getMessage();
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "rehearsal-loop");
    t.setDaemon(true);
    return t;
  }

  @PreDestroy
  void close() {
    if (pool != null) {
      pool.shutdownNow();
      remotes.close();
      lifecycle.close();
    }
  }

  /**
   * The current twin snapshot: its hash, as the sandbox looks it up, and its services' replica
   * counts, parsed once per snapshot. A snapshot that is not a twin spec is used by hash alone
   * (logged once): proposals then count replicas from the spans.
   */
  private static final class StoredTwin implements Supplier<Optional<CurrentTwin>> {
    private final RedisStore store;
    private CurrentTwin cached;

    StoredTwin(RedisStore store) {
      this.store = store;
    }

    @Override
    public synchronized Optional<CurrentTwin> get() {
      Optional<SnapshotId> id;
      try {
        id = store.twinSnapshots().current();
      } catch (RuntimeException e) {
        LOG.warnf("Cannot read the current twin snapshot: %s", e.getMessage());
        return Optional.empty();
      }
      if (id.isEmpty()) {
        return Optional.empty();
      }
      String hash = id.get().hex();
      if (cached != null && cached.hash().equals(hash)) {
        return Optional.of(cached);
      }
      Optional<byte[]> bytes;
      try {
        bytes = store.twinSnapshots().get(id.get());
      } catch (RuntimeException e) {
        LOG.warnf("Cannot read the current twin snapshot %s: %s", hash, e.getMessage());
        return Optional.of(new CurrentTwin(hash, Map.of()));
      }
      cached = parse(hash, bytes);
      return Optional.of(cached);
    }

    private static CurrentTwin parse(String hash, Optional<byte[]> bytes) {
      try {
        if (bytes.isEmpty()) {
          throw new IllegalStateException("it is not stored");
        }
        return CurrentTwin.of(
            hash, TwinSpecs.fromYaml(new String(bytes.get(), StandardCharsets.UTF_8)));
      } catch (RuntimeException e) {
        LOG.warnf(
            "The current twin snapshot %s cannot be read as a twin spec (%s): proposals count"
                + " replicas from the spans",
            hash, e.getMessage());
        return new CurrentTwin(hash, Map.of());
      }
    }
  }
}
