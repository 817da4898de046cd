package io.cloister.wasi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cloister.wasi.clocks.ClockSource;
import io.cloister.wasi.io.StreamException;
import io.cloister.wasi.io.WasiOutputStream;
import io.cloister.wasi.logging.LogLevel;
import io.cloister.wasi.logging.LogRecord;
import io.cloister.wasi.logging.RecentAppLog;
import io.cloister.component.bind.Tuple2;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CliTest {

  @Test
  void environmentIsExactlyTheConfiguredOne() {
    EnvironmentHost env =
        new EnvironmentHost(List.of(Map.entry("APP", "demo")), List.of("demo"), Optional.empty());
    assertThat(env.getEnvironment()).containsExactly(new Tuple2<>("APP", "demo"));
    assertThat(System.getenv()).isNotEmpty(); // the host has variables; none of them leak
    assertThat(env.getArguments()).containsExactly("demo");
    assertThat(env.initialCwd()).isEmpty();
  }

  @Test
  void exitEndsTheCallWithItsStatus() {
    ExitHost exit = new ExitHost();
    assertThatThrownBy(() -> exit.exit(true))
        .isInstanceOfSatisfying(ExitException.class, e -> assertThat(e.status()).isZero());
    assertThatThrownBy(() -> exit.exit(false))
        .isInstanceOfSatisfying(ExitException.class, e -> assertThat(e.status()).isEqualTo(1));
    assertThatThrownBy(() -> exit.exitWithCode(300))
        .isInstanceOfSatisfying(ExitException.class, e -> assertThat(e.status()).isEqualTo(44));
  }

  @Test
  void anExitIsFoundInsideTheRuntimesTrap() {
    RuntimeException trap = new RuntimeException("trap in run", new ExitException(3));
    assertThat(ExitException.in(trap)).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(3));
    assertThat(ExitException.in(new RuntimeException("unreachable"))).isEmpty();
  }

  @Test
  void stdoutAndStderrLinesGoToTheAppLog() throws Exception {
    RecentAppLog log = new RecentAppLog(100);
    StdioHost stdio = new StdioHost(log, ClockSource.SYSTEM);
    WasiOutputStream out = stdio.getStdout();
    out.blockingWriteAndFlush("hello\nwor".getBytes(StandardCharsets.UTF_8));
    out.write("ld\r\npartial".getBytes(StandardCharsets.UTF_8));
    stdio.getStderr().blockingWriteAndFlush("oops\n".getBytes(StandardCharsets.UTF_8));
    out.close();
    assertThat(log.records())
        .extracting(LogRecord::level, LogRecord::context, LogRecord::message)
        .containsExactly(
            tuple(LogLevel.INFO, "stdout", "hello"),
            tuple(LogLevel.INFO, "stdout", "world"),
            tuple(LogLevel.ERROR, "stderr", "oops"),
            tuple(LogLevel.INFO, "stdout", "partial"));
  }

  @Test
  void overlongLinesAreCutSoTheBufferStaysBounded() throws Exception {
    RecentAppLog log = new RecentAppLog(100);
    WasiOutputStream out = new StdioHost(log, ClockSource.SYSTEM).getStdout();
    byte[] chunk = new byte[4096];
    Arrays.fill(chunk, (byte) 'x');
    for (int i = 0; i < 5; i++) {
      out.blockingWriteAndFlush(chunk);
    }
    assertThat(log.records()).hasSize(2);
    assertThat(log.records().get(0).message()).hasSize(LogLineOutputStream.MAX_LINE);
  }

  @Test
  void stdinIsEmpty() {
    assertThatThrownBy(() -> new StdioHost(r -> {}, ClockSource.SYSTEM).getStdin().blockingRead(10))
        .isInstanceOf(StreamException.class);
  }
}
