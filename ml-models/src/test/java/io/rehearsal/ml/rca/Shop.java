package io.rehearsal.ml.rca;

import java.util.SplittableRandom;

/**
 * A seeded three-service shop for tests: frontend calls catalog, catalog calls inventory and the
 * external {@code search-api}. 60 s of traffic at 20 requests/s; the incident starts at 30 s.
 */
final class Shop {
  static final long START = 1_000_000_000L;
  static final long ONSET = START + 30_000;
  static final RcaWindows WINDOWS =
      new RcaWindows(START, ONSET - 2000, ONSET, START + 60_000, 10_000);

  double catalogExtraMs;
  double catalogErrors;
  double searchExtraMs;
  boolean killCatalogReplica;
  double surge = 1;

  RcaInputBuilder record(long seed) {
    RcaInputBuilder b = new RcaInputBuilder(WINDOWS);
    SplittableRandom random = new SplittableRandom(seed);
    for (long t = START; t < START + 60_000; t += 50) {
      boolean incident = t >= ONSET;
      int requests = incident && random.nextDouble() < surge - 1 ? 2 : 1;
      for (int r = 0; r < requests; r++) {
        request(b, random, t, incident);
      }
      if (t % 1000 == 0) {
        for (String s : new String[] {"frontend", "catalog", "inventory"}) {
          b.instance(s, s + "-1", "1.0", t);
          b.gauge(s, Gauge.WORKERS, t, 8);
        }
        if (!(incident && killCatalogReplica)) {
          b.instance("catalog", "catalog-2", "1.0", t);
        }
      }
    }
    return b;
  }

  private void request(RcaInputBuilder b, SplittableRandom random, long t, boolean incident) {
    double inventory = 2 + random.nextDouble();
    double search = 30 + 10 * random.nextDouble() + (incident ? searchExtraMs : 0);
    double catalogSelf = 10 + 4 * random.nextDouble() + (incident ? catalogExtraMs : 0);
    boolean catalogFails = incident && random.nextDouble() < catalogErrors;
    double catalog = catalogSelf + inventory + search;
    boolean refused = incident && killCatalogReplica && random.nextDouble() < 0.2;
    double frontendSelf = 5 + random.nextDouble();
    b.served("inventory", "GET /stock", t, inventory, inventory, false, true);
    b.called("catalog", "GET /items", "inventory", "GET /stock", t, inventory, false, true, 200);
    b.called("catalog", "GET /items", "search-api", "", t, search, false, true, 200);
    if (!refused) {
      b.served("catalog", "GET /items", t, catalog, catalogSelf, catalogFails, true);
    }
    b.called(
        "frontend",
        "GET /browse",
        "catalog",
        refused ? "" : "GET /items",
        t,
        refused ? 1 : catalog,
        catalogFails || refused,
        !refused,
        refused ? 0 : catalogFails ? 500 : 200);
    b.served(
        "frontend",
        "GET /browse",
        t,
        catalog + frontendSelf,
        frontendSelf,
        catalogFails || refused,
        false);
  }
}
