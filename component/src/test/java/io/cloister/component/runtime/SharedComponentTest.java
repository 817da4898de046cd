package io.cloister.component.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloister.component.link.Linker;
import io.cloister.component.values.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One compiled component, instantiated and called from several threads at once. */
class SharedComponentTest {

  @Test
  void compiledComponentIsSharedAcrossThreads() throws Exception {
    Component adder = AdderTest.load("adder.component.wasm", true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t * 1000;
        results.add(
            pool.submit(
                () -> {
                  ComponentInstance instance = new Linker<Void>().instantiate(adder);
                  ComponentFunction add = instance.exportedFunction("docs:adder/add@0.1.0#add");
                  long sum = 0;
                  for (int i = 0; i < 200; i++) {
                    Value v = add.call(List.of(new Value.U32(base), new Value.U32(i))).get(0);
                    sum += ((Value.U32) v).asLong();
                  }
                  return sum;
                }));
      }
      for (int t = 0; t < 4; t++) {
        assertThat(results.get(t).get()).isEqualTo(200L * t * 1000 + 199L * 200 / 2);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
