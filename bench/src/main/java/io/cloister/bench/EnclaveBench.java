package io.cloister.bench;

import io.cloister.attestation.attester.SimulationAuthority;
import io.cloister.attestation.ratls.DcapQuoteAppraiser;
import io.cloister.attestation.ratls.RaTlsContexts;
import io.cloister.attestation.ratls.RaTlsExpectations;
import io.cloister.attestation.ratls.RaTlsTrustManager;
import io.cloister.attestation.ratls.RaTlsVerifier;
import io.cloister.attestation.verify.AppraisalPolicy;
import io.cloister.attestation.verify.QuoteVerifier;
import io.cloister.attestation.verify.TrustRoot;
import io.cloister.enclave.client.EnclaveClient;
import io.cloister.enclave.protocol.DeployResult;
import io.cloister.enclave.protocol.DeploymentSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deployment measurements against a running {@code cloister enclave} (scripts/bench-enclave.sh):
 *
 * <ul>
 *   <li>{@code first-answer DATA MANAGE APPS FILE NAME [ENGINE]}: milliseconds from the deploy
 *       request to the first 200 of {@code GET APPS/NAME/} over an RA-TLS-verified connection
 *   <li>{@code deploy-many DATA MANAGE FILE COUNT}: deploys FILE as {@code app-0} ...
 * </ul>
 *
 * DATA is the enclave's data directory: its simulation root and manager token are read from it.
 */
public final class EnclaveBench {
  private EnclaveBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[1]);
    RaTlsVerifier verifier = verifier(data);
    URI manage = URI.create(args[2]);
    try (EnclaveClient client =
        EnclaveClient.connect(
            manage,
            EnclaveClient.readToken(data.resolve("manager-token")),
            verifier,
            RaTlsExpectations.none(),
            Duration.ofMinutes(5))) {
      switch (args[0]) {
        case "first-answer" -> firstAnswer(client, verifier, URI.create(args[3]), Path.of(args[4]), args[5],
            args.length > 6 ? Optional.of(args[6]) : Optional.empty());
        case "deploy-many" -> deployMany(client, Path.of(args[3]), Integer.parseInt(args[4]));
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
    }
  }

  private static void firstAnswer(
      EnclaveClient client, RaTlsVerifier verifier, URI apps, Path file, String name, Optional<String> engine)
      throws Exception {
    var tls = RaTlsContexts.client(new RaTlsTrustManager(verifier, RaTlsExpectations.none()));
    long start = System.nanoTime();
    DeployResult r =
        client.deploy(
            new DeploymentSpec(name, "/" + name, Optional.empty(), Map.of(), List.of(), engine), file);
    long deployed = System.nanoTime();
    URI url = apps.resolve("/" + name + "/");
    while (true) {
      // a new client, so a new connection, each time: it must get the new certificates
      int status;
      try (HttpClient http = HttpClient.newBuilder().sslContext(tls).build()) {
        status =
            http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
      }
      if (status == 200) {
        break;
      }
      Thread.sleep(5);
    }
    long answered = System.nanoTime();
    System.out.printf(
        "%s (%s): deploy answered after %d ms, first attested 200 after %d ms, code hash %s%n",
        name,
        engine.orElse("default engine"),
        (deployed - start) / 1_000_000,
        (answered - start) / 1_000_000,
        r.app().codeHash());
  }

  private static void deployMany(EnclaveClient client, Path file, int count) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      client.deploy(DeploymentSpec.of("app-" + i, "/app-" + i, Optional.empty()), file);
    }
    System.out.printf("deployed %d apps in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);
  }

  private static RaTlsVerifier verifier(Path data) throws Exception {
    SimulationAuthority a = SimulationAuthority.loadOrCreate(data.resolve("simulation"));
    return new RaTlsVerifier(
        new DcapQuoteAppraiser(
            new QuoteVerifier(List.of(TrustRoot.intel(), a.trustRoot())),
            a.collateral(Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), Set.of()),
            AppraisalPolicy.builder().allowSimulated(true).build(),
            Clock.systemUTC()),
        Clock.systemUTC());
  }
}
