package io.cloister.bench;

import io.cloister.enclave.kv.HostStore;
import io.cloister.enclave.kv.RocksHostStore;
import io.cloister.enclave.kv.SealedKeyValue;
import io.cloister.enclave.state.SealingKey;
import io.cloister.wasi.keyvalue.FileKeyValueBuckets;
import io.cloister.wasi.keyvalue.KeyValueStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable key-value operations per second: the enclave's sealed store (RocksDB, WAL synced per
 * write, AES-GCM and HMAC per record), the file-backed store of {@code cloister serve} (a synced
 * file and a rename per write), and raw RocksDB with the same durability (the ceiling). 1000 keys
 * of 100-byte values, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyValueBenchmark {
  private static final int KEYS = 1000;

  private Path dir;
  private RocksHostStore sealedHost;
  private RocksHostStore rawHost;
  private KeyValueStore sealed;
  private KeyValueStore file;
  private final byte[] value = new byte[100];

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("kv-bench");
    sealedHost = RocksHostStore.open(dir.resolve("sealed"));
    rawHost = RocksHostStore.open(dir.resolve("raw"));
    sealed =
        new SealedKeyValue(sealedHost, SealingKey.simulated(dir), (app, what) -> {})
            .buckets("bench")
            .open("b");
    file = new FileKeyValueBuckets(dir.resolve("file")).open("b");
    for (int i = 0; i < KEYS; i++) {
      sealed.set(key(i), value);
      file.set(key(i), value);
      rawHost.put(key(i).getBytes(StandardCharsets.UTF_8), value);
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    sealedHost.close();
    rawHost.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String key(int i) {
    return "key-" + i;
  }

  private static String anyKey() {
    return key(ThreadLocalRandom.current().nextInt(KEYS));
  }

  @Benchmark
  public Object sealedGet() throws Exception {
    return sealed.get(anyKey());
  }

  @Benchmark
  public void sealedSet() throws Exception {
    sealed.set(anyKey(), value);
  }

  @Benchmark
  public long sealedIncrement() throws Exception {
    return sealed.increment("counter", 1);
  }

  @Benchmark
  public Object fileGet() throws Exception {
    return file.get(anyKey());
  }

  @Benchmark
  public void fileSet() throws Exception {
    file.set(anyKey(), value);
  }

  @Benchmark
  public long fileIncrement() throws Exception {
    return file.increment("counter", 1);
  }

  @Benchmark
  public Object rawGet() throws HostStore.HostStoreException {
    return rawHost.get(anyKey().getBytes(StandardCharsets.UTF_8));
  }

  @Benchmark
  public void rawSet() throws HostStore.HostStoreException {
    rawHost.put(anyKey().getBytes(StandardCharsets.UTF_8), value);
  }
}
