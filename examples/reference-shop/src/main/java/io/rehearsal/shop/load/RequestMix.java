package io.rehearsal.shop.load;

import java.util.SplittableRandom;

/**
 * What the simulated customers ask for: fractions of browse, add-to-cart and checkout requests,
 * with users, categories, pages and skus drawn from a seeded stream (skus skewed toward popular
 * ones, as real catalogues are).
 *
 * @param browse fraction of {@code GET /browse}
 * @param cart fraction of {@code POST /cart}
 * @param checkout fraction of {@code POST /checkout}
 */
public record RequestMix(double browse, double cart, double checkout) {
  static final int USERS = 500;

  /** Validates: non-negative fractions summing to 1. */
  public RequestMix {
    if (browse < 0 || cart < 0 || checkout < 0 || Math.abs(browse + cart + checkout - 1) > 1e-6) {
      throw new IllegalArgumentException(
          "mix fractions must be >= 0 and sum to 1, but were "
              + browse
              + ", "
              + cart
              + ", "
              + checkout);
    }
  }

  /** Parses {@code "0.6,0.3,0.1"} (browse, cart, checkout). */
  public static RequestMix parse(String spec) {
    String[] parts = spec.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException("mix is browse,cart,checkout fractions, but got " + spec);
    }
    return new RequestMix(
        Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
  }

  /**
   * One planned request.
   *
   * @param endpoint {@code METHOD /path}, the key outcomes are counted under
   * @param method HTTP method
   * @param pathAndQuery path with query
   */
  public record Planned(String endpoint, String method, String pathAndQuery) {}

  /** Draws the next request. */
  public Planned next(SplittableRandom random) {
    double u = random.nextDouble();
    int user = random.nextInt(USERS);
    if (u < browse) {
      int category = 1 + random.nextInt(20);
      int page = 1 + random.nextInt(5);
      return new Planned(
          "GET /browse", "GET", "/browse?user=" + user + "&category=" + category + "&page=" + page);
    }
    if (u < browse + cart) {
      double v = random.nextDouble();
      int sku = 1000 + (int) (1000 * v * v);
      return new Planned("POST /cart", "POST", "/cart?user=" + user + "&sku=" + sku);
    }
    return new Planned("POST /checkout", "POST", "/checkout?user=" + user);
  }
}
