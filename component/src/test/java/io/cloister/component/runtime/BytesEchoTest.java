package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.link.Linker;
import io.cloister.component.values.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written benchmark fixture fixtures/bench/bytes-echo (built by
 * scripts/build-bench-fixtures.sh): a {@code list<u8>} round trip with realloc and post-return.
 */
class BytesEchoTest {
  private static final Path FIXTURE =
      Path.of("..", "fixtures", "bench", "build", "bytes-echo.component.wasm");

  @Test
  void echoesLargeListsRepeatedly() throws Exception {
    Component echo = Component.compile(Files.readAllBytes(FIXTURE));
    ComponentFunction f = new Linker<Void>().instantiate(echo).exportedFunction("echo");
    for (int size : new int[] {0, 1, 64 * 1024, 300_000, 64 * 1024}) {
      byte[] data = new byte[size];
      for (int i = 0; i < size; i++) {
        data[i] = (byte) (i * 31 + size);
      }
      List<Value> result = f.call(List.of(new Value.Bytes(data)));
      assertThat(result).hasSize(1);
      assertThat(((Value.Bytes) result.get(0)).value()).isEqualTo(data);
    }
  }
}
