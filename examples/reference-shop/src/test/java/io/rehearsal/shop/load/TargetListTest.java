package io.rehearsal.shop.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetListTest {
  private static final URI A = URI.create("http://127.0.0.1:9100");
  private static final URI B = URI.create("http://127.0.0.1:9160");

  @TempDir Path dir;
  private final AtomicLong now = new AtomicLong();

  private List<URI> next(TargetList list, int n) {
    List<URI> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(list.get());
    }
    return out;
  }

  @Test
  void shouldRoundRobinOverANewReplicaWhenTheFileGrows() throws Exception {
    Path file = dir.resolve("targets.txt");
    Files.writeString(file, A + "\n");
    TargetList list = TargetList.watching(file, A, now::get);
    assertThat(next(list, 3)).containsOnly(A);

    Files.writeString(file, A + "\n" + B + "\n");
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
    now.addAndGet(TargetList.CHECK_NANOS);

    assertThat(next(list, 4)).containsExactlyInAnyOrder(A, B, A, B);
  }

  @Test
  void shouldNotRereadTheFileBeforeTheCheckInterval() throws Exception {
    Path file = dir.resolve("targets.txt");
    Files.writeString(file, A + "\n");
    TargetList list = TargetList.watching(file, A, now::get);

    Files.writeString(file, B + "\n");
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
    now.addAndGet(TargetList.CHECK_NANOS - 1);

    assertThat(next(list, 2)).containsOnly(A);
  }

  @Test
  void shouldKeepTheFallbackWhenTheFileIsMissingOrEmpty() throws Exception {
    Path file = dir.resolve("missing.txt");
    TargetList list = TargetList.watching(file, A, now::get);
    Files.writeString(file, "# nothing yet\n");
    now.addAndGet(TargetList.CHECK_NANOS);

    assertThat(next(list, 2)).containsOnly(A);
    assertThat(list.targets()).containsExactly(A);
  }
}
