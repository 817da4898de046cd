package io.cloister.bench;

import io.cloister.component.link.InstancePre;
import io.cloister.component.link.Linker;
import io.cloister.component.runtime.Component;
import io.cloister.component.runtime.EngineOptions;
import io.cloister.wasi.WasiApp;
import io.cloister.wasi.WasiContext;
import io.cloister.wasi.WasiHost;
import io.cloister.wasi.bindings.wasi.http.Types.ErrorCode;
import io.cloister.wasi.http.HttpField;
import io.cloister.wasi.http.HttpHandlerInvoker;
import io.cloister.wasi.http.IncomingRequestData;
import io.cloister.wasi.http.ResponseSink;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * wasi:http requests through {@link HttpHandlerInvoker}, in process (no sockets): the {@code hello}
 * fixture on one reused instance and on a fresh instance per request, and the {@code echo} fixture
 * streaming 1 MiB each way. Fixtures come from {@code fixtures/http/build} (the working directory
 * must be the project root, as {@code scripts/bench.sh} arranges).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WasiHttpBenchmark {
  @Param({"compiled"})
  public String engine;

  private final WasiHost host = WasiHost.builder("bench").build();
  private Component hello;
  private WasiApp wasi;
  private InstancePre<WasiContext> linkedHello;
  private HttpHandlerInvoker reusedHello;
  private HttpHandlerInvoker reusedEcho;
  private final byte[] mebibyte = new byte[1 << 20];

  /** Counts the body and discards it. */
  private static final class CountingSink implements ResponseSink {
    long bytes;

    @Override
    public OutputStream start(int status, List<HttpField> headers) {
      return new OutputStream() {
        @Override
        public void write(int b) {
          bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes += len;
        }
      };
    }

    @Override
    public void complete(List<HttpField> trailers) {}

    @Override
    public void abort(Exception cause) {
      throw new IllegalStateException("aborted", cause);
    }

    @Override
    public void fail(ErrorCode code) {
      throw new IllegalStateException("failed: " + code);
    }
  }

  @Setup
  public void setup() throws Exception {
    EngineOptions options =
        engine.equals("compiled") ? EngineOptions.compiled() : EngineOptions.interpreted();
    hello = load("hello", options);
    wasi = WasiApp.of(host);
    linkedHello = wasi.prepare(hello);
    reusedHello = invoker(linkedHello);
    reusedEcho = invoker(wasi.prepare(load("echo", options)));
  }

  private static Component load(String name, EngineOptions options) throws Exception {
    Path file = Path.of("fixtures", "http", "build", name + ".component.wasm");
    return Component.compile(Files.readAllBytes(file), options);
  }

  private HttpHandlerInvoker invoker(InstancePre<WasiContext> linked) {
    WasiContext ctx = wasi.newContext();
    return ctx.httpHandler(linked.instantiate(ctx));
  }

  private static IncomingRequestData request(Optional<InputStream> body) {
    return new IncomingRequestData(
        "GET", "/", Optional.of("http"), Optional.of("bench"), List.of(), body);
  }

  /** One request on an instance that serves every request. */
  @Benchmark
  public long helloReusedInstance() {
    CountingSink sink = new CountingSink();
    reusedHello.handle(request(Optional.empty()), sink);
    return sink.bytes;
  }

  /**
   * Context, instantiation of the component linked once, and one request: the cost of isolation
   * per request, as {@code cloister serve --fresh-instances} pays it.
   */
  @Benchmark
  public long helloFreshInstance() {
    CountingSink sink = new CountingSink();
    invoker(linkedHello).handle(request(Optional.empty()), sink);
    return sink.bytes;
  }

  /** The same with a linker built and the imports resolved per instance, as before WasiApp. */
  @Benchmark
  public long helloFreshInstanceAndLinker() throws Exception {
    CountingSink sink = new CountingSink();
    WasiContext ctx = host.newContext();
    Linker<Void> linker = new Linker<>();
    ctx.register(linker);
    ctx.httpHandler(linker.instantiate(hello)).handle(request(Optional.empty()), sink);
    return sink.bytes;
  }

  /** 1 MiB in and back out through bounded pipes, 4 KiB guest writes. */
  @Benchmark
  public long echoOneMebibyte() {
    CountingSink sink = new CountingSink();
    reusedEcho.handle(request(Optional.of(new ByteArrayInputStream(mebibyte))), sink);
    return sink.bytes;
  }
}
