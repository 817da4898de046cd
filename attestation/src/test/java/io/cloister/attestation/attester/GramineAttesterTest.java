package io.cloister.attestation.attester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.quote.SgxQuote;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gramine attester against a directory that behaves like {@code /dev/attestation}: {@code
 * quote} is a named pipe served by a fake quoting daemon, which (like Gramine) answers a read of
 * the quote with a quote over whatever was last written to {@code user_report_data}.
 */
class GramineAttesterTest {

  @Test
  void writesReportDataAndReadsTheQuoteGramineProduces(@TempDir Path tmp) throws Exception {
    Path dev = Files.createDirectory(tmp.resolve("attestation"));
    SimulatedAttester backend =
        new SimulatedAttester(
            SimulationAuthority.loadOrCreate(tmp.resolve("sim")), new byte[32], 0, 0);
    Files.write(dev.resolve("user_report_data"), new byte[64]);
    Process mkfifo = new ProcessBuilder("mkfifo", dev.resolve("quote").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    byte[] data = new byte[64];
    data[0] = 42;
    data[63] = 7;
    Thread daemon = Thread.ofVirtual().start(() -> serveOneQuote(dev, backend));
    GramineAttester attester = new GramineAttester(dev);
    assertThat(attester.available()).isTrue();
    assertThat(attester.simulated()).isFalse();
    byte[] quote = attester.quote(data);
    daemon.join(10_000);
    assertThat(SgxQuote.parse(quote).reportBody().reportData()).isEqualTo(data);
  }

  /** Opening the pipe for writing blocks until the attester reads, i.e. after it wrote its data. */
  private static void serveOneQuote(Path dev, SimulatedAttester backend) {
    try (OutputStream quote = Files.newOutputStream(dev.resolve("quote"))) {
      quote.write(backend.quote(Files.readAllBytes(dev.resolve("user_report_data"))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void missingDeviceIsATypedError(@TempDir Path dir) {
    GramineAttester attester = new GramineAttester(dir.resolve("no-such-dev"));
    assertThat(attester.available()).isFalse();
    assertThatThrownBy(() -> attester.quote(new byte[64])).isInstanceOf(AttestationException.class);
    assertThatThrownBy(() -> attester.quote(new byte[65]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
