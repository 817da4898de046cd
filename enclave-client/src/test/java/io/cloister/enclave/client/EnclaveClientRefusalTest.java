package io.cloister.enclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.attester.SimulatedAttester;
import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.collateral.Collateral;
import io.cloister.attestation.ratls.DcapQuoteAppraiser;
import io.cloister.attestation.ratls.EnclaveConfig;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsIssuer;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.attestation.ratls.SniKeyManager;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.TrustRoot;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enclave whose evidence fails the caller's policy gets nothing from {@link EnclaveClient}: not
 * a request line, not the token. The "enclave" here is a real TLS server presenting real RA-TLS
 * certificates that counts every application byte it receives.
 */
class EnclaveClientRefusalTest {
  @TempDir Path dir;

  private static byte[] filled(int b) {
    byte[] x = new byte[32];
    Arrays.fill(x, (byte) b);
    return x;
  }

  @Test
  void aWrongMeasurementOrAnUntrustedRootGetsNoByte() throws Exception {
    SimulationAuthority authority = SimulationAuthority.loadOrCreate(dir.resolve("sim"));
    SimulatedAttester attester = new SimulatedAttester(authority, filled(0x5e), 0, 0);
    SniKeyManager keys =
        new SniKeyManager(
            new RaTlsIssuer(attester).issue(new EnclaveConfig("enclave.test", filled(0x11), List.of())));
    Collateral collateral =
        authority.collateral(Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), Set.of());
    RaTlsVerifier trusting =
        new RaTlsVerifier(
            new DcapQuoteAppraiser(
                new QuoteVerifier(List.of(TrustRoot.intel(), authority.trustRoot())),
                collateral,
                AppraisalPolicy.builder().allowSimulated(true).build(),
                Clock.systemUTC()),
            Clock.systemUTC());
    RaTlsVerifier simulationRefused =
        new RaTlsVerifier(
            new DcapQuoteAppraiser(
                new QuoteVerifier(List.of(TrustRoot.intel(), authority.trustRoot())),
                collateral,
                AppraisalPolicy.builder().allowSimulated(false).build(),
                Clock.systemUTC()),
            Clock.systemUTC());

    record Case(RaTlsVerifier verifier, RaTlsExpectations expected, String why) {}
    for (Case c :
        List.of(
            new Case(trusting, RaTlsExpectations.none().withMrEnclave(filled(0x77)), "MRENCLAVE"),
            new Case(simulationRefused, RaTlsExpectations.none(), "simulat"))) {
      try (SSLServerSocket server =
          (SSLServerSocket)
              RaTlsContexts.server(keys)
                  .getServerSocketFactory()
                  .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        CompletableFuture<Long> received =
            CompletableFuture.supplyAsync(
                () -> {
                  try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(5000);
                    long n = 0;
                    try (InputStream in = s.getInputStream()) {
                      while (in.read() >= 0) {
                        n++;
                      }
                    } catch (java.io.IOException handshakeFailedOrClosed) {
                      // the client aborted the handshake: what counts is what arrived before
                    }
                    return n;
                  } catch (java.io.IOException e) {
                    return -1L;
                  }
                });
        URI uri = URI.create("https://127.0.0.1:" + server.getLocalPort());
        assertThatThrownBy(
                () -> EnclaveClient.connect(uri, "secret-token", c.verifier(), c.expected(), Duration.ofSeconds(5)))
            .as(c.why())
            .isInstanceOf(EnclaveAttestationException.class)
            .hasMessageContaining("failed verification")
            .satisfies(
                e -> assertThat(((EnclaveAttestationException) e).report()).isPresent());
        assertThat(received.get(10, TimeUnit.SECONDS)).as(c.why()).isZero();
      }
    }
  }
}
