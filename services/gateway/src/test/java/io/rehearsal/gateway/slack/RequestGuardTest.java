package io.rehearsal.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.rehearsal.store.EmbeddedRedis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard over a real redis-server: authentic requests pass once, nothing else ever. */
class RequestGuardTest {

  static final long NOW = 1_765_000_000L;
  static final String SECRET = "rehearsal-test-signing-secret";
  static final String PREFIX = "test:slack:";

  @TempDir static Path dataDir;
  static EmbeddedRedis server;
  static RedisClient client;
  static StatefulRedisConnection<String, String> connection;
  static RedisCommands<String, String> redis;

  RequestGuard guard;
  SignatureVerifier signer;

  @BeforeAll
  static void startRedis() {
    server = EmbeddedRedis.start(dataDir);
    client = RedisClient.create(server.uri());
    connection = client.connect();
    redis = connection.sync();
  }

  @AfterAll
  static void stopRedis() {
    connection.close();
    client.shutdown();
    server.close();
  }

  @BeforeEach
  void newGuard() {
    redis.flushall();
    signer = new SignatureVerifier(SECRET, SignatureVerifierTest.at(NOW));
    guard = new RequestGuard(signer, new RedisReplayCache(redis, PREFIX));
  }

  /** The ways a request is tampered with, replayed or forged. */
  enum Mutation {
    BODY_BIT_FLIP,
    SIGNATURE_BIT_FLIP,
    TIMESTAMP_BIT_FLIP,
    TRUNCATED_BODY,
    TRUNCATED_SIGNATURE,
    OTHER_TIMESTAMP,
    OTHER_BODY,
    WRONG_VERSION_PREFIX,
    EMPTY_HEADER,
    OTHER_SECRET,
    STALE_BUT_SIGNED,
    FUTURE_BUT_SIGNED,
    REPLAYED
  }

  record Request(String timestamp, String signature, byte[] body) {}

  @Test
  void shouldAcceptAnAuthenticRequestOnceWhenReplayed() {
    Request r = signed(NOW - 10, body(new Random(1)));

    Verification first = check(r);
    Verification second = check(r);

    assertThat(first.outcome()).isEqualTo(Verification.Outcome.ACCEPTED);
    assertThat(second.outcome()).isEqualTo(Verification.Outcome.REPLAYED);
  }

  @Test
  void shouldKeepAReplayClaimForLongerThanATimestampStaysAcceptableWhenClaimed() {
    Request r = signed(NOW, body(new Random(2)));

    check(r);
    String key = PREFIX + "replay:" + r.timestamp() + ":" + r.signature();

    assertThat(redis.ttl(key)).isGreaterThanOrEqualTo(2 * SignatureVerifier.WINDOW.toSeconds());
  }

  @Test
  void shouldWriteNothingWhenTheSignatureIsRefused() {
    Request r = signed(NOW, body(new Random(3)));

    check(new Request(r.timestamp(), flipHex(r.signature(), new Random(4)), r.body()));

    assertThat(redis.keys(PREFIX + "*")).isEmpty();
  }

  @Test
  void shouldAcceptNoneOfTwentyThousandMutatedOrReplayedRequestsWhenFuzzed() {
    Random random = new Random(20_000);
    Map<Mutation, Integer> tried = new EnumMap<>(Mutation.class);
    int accepted = 0;
    int authentic = 0;
    int mutated = 0;
    while (mutated < 20_000) {
      Request original = signed(NOW - random.nextInt(300), body(random));
      assertThat(check(original).accepted()).as("authentic request %d", authentic).isTrue();
      authentic++;
      for (Mutation m : Mutation.values()) {
        Request bad = mutate(m, original, random);
        if (check(bad).accepted()) {
          accepted++;
        }
        tried.merge(m, 1, Integer::sum);
        mutated++;
      }
    }

    assertThat(accepted).isZero();
    assertThat(tried.values()).allSatisfy(n -> assertThat(n).isGreaterThan(1_500));
    assertThat(redis.keys(PREFIX + "replay:*")).hasSize(authentic);
  }

  private Request mutate(Mutation m, Request r, Random random) {
    long ts = Long.parseLong(r.timestamp());
    return switch (m) {
      case BODY_BIT_FLIP -> new Request(r.timestamp(), r.signature(), flipBit(r.body(), random));
      case SIGNATURE_BIT_FLIP ->
          new Request(r.timestamp(), flipString(r.signature(), random), r.body());
      case TIMESTAMP_BIT_FLIP ->
          new Request(flipString(r.timestamp(), random), r.signature(), r.body());
      case TRUNCATED_BODY ->
          new Request(
              r.timestamp(),
              r.signature(),
              Arrays.copyOf(r.body(), random.nextInt(r.body().length)));
      case TRUNCATED_SIGNATURE ->
          new Request(
              r.timestamp(),
              r.signature().substring(0, random.nextInt(r.signature().length())),
              r.body());
      case OTHER_TIMESTAMP ->
          new Request(Long.toString(ts + nonZero(random, 1000)), r.signature(), r.body());
      case OTHER_BODY -> new Request(r.timestamp(), r.signature(), otherBody(r.body(), random));
      case WRONG_VERSION_PREFIX ->
          new Request(r.timestamp(), "v1" + r.signature().substring(2), r.body());
      case EMPTY_HEADER ->
          random.nextBoolean()
              ? new Request("", r.signature(), r.body())
              : new Request(r.timestamp(), "", r.body());
      case OTHER_SECRET -> signedWith("not-" + SECRET, ts, otherBody(r.body(), random));
      case STALE_BUT_SIGNED -> signed(NOW - 301 - random.nextInt(86_400), body(random));
      case FUTURE_BUT_SIGNED -> signed(NOW + 301 + random.nextInt(86_400), body(random));
      case REPLAYED -> r;
    };
  }

  private Verification check(Request r) {
    return guard.check(r.timestamp(), r.signature(), r.body());
  }

  private Request signed(long ts, byte[] body) {
    return new Request(Long.toString(ts), signer.sign(Long.toString(ts), body), body);
  }

  private static Request signedWith(String secret, long ts, byte[] body) {
    String t = Long.toString(ts);
    return new Request(
        t, new SignatureVerifier(secret, SignatureVerifierTest.at(NOW)).sign(t, body), body);
  }

  private static byte[] body(Random random) {
    String id = "dec-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    return SlackFixtures.clickBody(
            "U" + random.nextInt(1_000_000),
            random.nextBoolean() ? Interaction.Verdict.APPROVE : Interaction.Verdict.REJECT,
            id,
            1 + random.nextInt(5),
            "1700000000." + random.nextInt(1_000_000))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] otherBody(byte[] body, Random random) {
    byte[] other = body(random);
    return Arrays.equals(other, body) ? flipBit(body, random) : other;
  }

  private static byte[] flipBit(byte[] bytes, Random random) {
    byte[] copy = bytes.clone();
    int bit = random.nextInt(copy.length * 8);
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  private static String flipString(String s, Random random) {
    return new String(
        flipBit(s.getBytes(StandardCharsets.ISO_8859_1), random), StandardCharsets.ISO_8859_1);
  }

  private static String flipHex(String signature, Random random) {
    Function<Character, Character> other = c -> c == '0' ? '1' : '0';
    int i = 3 + random.nextInt(64);
    return signature.substring(0, i)
        + other.apply(signature.charAt(i))
        + signature.substring(i + 1);
  }

  private static long nonZero(Random random, int bound) {
    long k = 1 + random.nextInt(bound);
    return random.nextBoolean() ? k : -k;
  }
}
