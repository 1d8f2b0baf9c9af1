package io.rehearsal.gateway;

import com.standardwebhooks.Webhook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 webhook receiver on a loopback socket that honours the idempotency key (it acts
 * on a {@code webhook-id} once) and injects faults by a seeded draw per request: connection resets
 * (RST via SO_LINGER 0) before acting or after acting, and timeouts (acts, then answers later than
 * the sender waits). It verifies every signature with the standardwebhooks library's verifier.
 */
final class FaultyReceiver implements AutoCloseable {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  final List<String> effects = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger receipts = new AtomicInteger();
  final AtomicInteger resetsBefore = new AtomicInteger();
  final AtomicInteger resetsAfter = new AtomicInteger();
  final AtomicInteger timeouts = new AtomicInteger();
  final AtomicInteger badSignatures = new AtomicInteger();
  final Set<String> failing = ConcurrentHashMap.newKeySet();

  private final Set<String> applied = ConcurrentHashMap.newKeySet();
  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Random random;
  private final double resetShare;
  private final double timeoutShare;
  private final long hangMillis;
  private final Webhook verifier;

  /**
   * @param resetShare share of requests reset (half before, half after acting)
   * @param timeoutShare share of requests answered after {@code hangMillis}
   */
  FaultyReceiver(long seed, double resetShare, double timeoutShare, long hangMillis)
      throws Exception {
    this.random = new Random(seed);
    this.resetShare = resetShare;
    this.timeoutShare = timeoutShare;
    this.hangMillis = hangMillis;
    this.verifier = new Webhook(SECRET);
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "faulty-receiver");
    accept.setDaemon(true);
    accept.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook");
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        pool.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      Map<String, List<String>> headers = new HashMap<>();
      String line = readLine(in);
      while (!(line = readLine(in)).isEmpty()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            List.of(line.substring(colon + 1).strip()));
      }
      int length = Integer.parseInt(headers.get("content-length").get(0));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      handle(socket, headers, body);
    } catch (IOException | RuntimeException e) {
      // the sender went away (e.g. it timed out): nothing to answer
    }
  }

  private void handle(Socket socket, Map<String, List<String>> headers, String body)
      throws IOException {
    receipts.incrementAndGet();
    String id = headers.get("webhook-id").get(0);
    double draw;
    synchronized (random) {
      draw = random.nextDouble();
    }
    if (draw < resetShare / 2) {
      resetsBefore.incrementAndGet();
      reset(socket);
      return;
    }
    try {
      verifier.verify(body, headers);
    } catch (Exception e) {
      badSignatures.incrementAndGet();
      answer(socket, 401);
      return;
    }
    if (failing.contains(id)) {
      answer(socket, 503);
      return;
    }
    if (applied.add(id)) {
      effects.add(id); // the effect, once per idempotency key
    }
    if (draw < resetShare) {
      resetsAfter.incrementAndGet();
      reset(socket);
    } else if (draw < resetShare + timeoutShare) {
      timeouts.incrementAndGet();
      sleep(hangMillis);
      answer(socket, 200);
    } else {
      answer(socket, 200);
    }
  }

  private static void answer(Socket socket, int status) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0); // close sends RST
    socket.close();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-line");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
