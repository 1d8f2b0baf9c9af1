package io.rehearsal.gateway.security;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded ways to break a protobuf: truncate it, flip bytes, append garbage, forge a field whose
 * declared length runs past the end, an endless varint, an invalid wire type, or plain noise.
 */
final class Mutations {

  private Mutations() {}

  static byte[] next(Random random, byte[] seed) {
    return switch (random.nextInt(7)) {
      case 0 -> Arrays.copyOf(seed, random.nextInt(seed.length + 1));
      case 1 -> flip(random, seed);
      case 2 -> concat(seed, noise(random, 1 + random.nextInt(32)));
      case 3 -> concat(seed, new byte[] {0x0a, (byte) 0xff, (byte) 0xff, 0x7f, 0x01});
      case 4 -> endlessVarint(random);
      case 5 -> new byte[] {(byte) ((1 + random.nextInt(15)) << 3 | (6 + random.nextInt(2)))};
      default -> noise(random, random.nextInt(256));
    };
  }

  private static byte[] flip(Random random, byte[] seed) {
    byte[] out = seed.length == 0 ? new byte[] {0} : seed.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  private static byte[] endlessVarint(Random random) {
    byte[] out = new byte[2 + random.nextInt(16)];
    out[0] = 0x08; // field 1, varint
    Arrays.fill(out, 1, out.length, (byte) 0xff);
    return out;
  }

  private static byte[] noise(Random random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
