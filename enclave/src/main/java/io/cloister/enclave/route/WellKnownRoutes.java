package io.cloister.enclave.route;

import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.collateral.OfferedCollateral;
import io.cloister.attestation.freshness.FreshnessException;
import io.cloister.attestation.freshness.FreshnessResponder;
import io.cloister.attestation.freshness.Nonces;
import io.cloister.attestation.ratls.MalformedExtensionException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /.well-known/cloister/attestation?nonce=HEX}: a fresh quote binding the nonce to the key
 * of the certificate this very connection was served with (so a relay cannot answer for another
 * key); and {@code /.well-known/cloister/collateral}: the collateral to appraise the quotes with,
 * when the enclave has it to offer. Served on the app and management listeners alike.
 */
public final class WellKnownRoutes {
  private static final System.Logger LOG = System.getLogger(WellKnownRoutes.class.getName());

  private final FreshnessResponder freshness;
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final Optional<CollateralSource> collateral;
  private volatile long lastWarning = System.nanoTime() - WARNING_INTERVAL_NANOS - 1;

  /** Routes answering with {@code freshness}, and with {@code collateral} if there is any to offer. */
  public WellKnownRoutes(FreshnessResponder freshness, Optional<CollateralSource> collateral) {
    this.freshness = freshness;
    this.collateral = collateral;
  }

  /** Adds the routes to {@code routing}. */
  public void routing(HttpRouting.Builder routing) {
    routing.get(Nonces.PATH, this::attestation);
    routing.get(OfferedCollateral.PATH, this::collateral);
  }

  private void collateral(ServerRequest req, ServerResponse res) {
    if (collateral.isEmpty()) {
      text(res, Status.NOT_FOUND_404,
          "this enclave offers no collateral: fetch its quote's collateral from Intel's PCS or your"
              + " PCCS");
      return;
    }
    byte[] offer;
    try {
      offer = collateral.get().offer();
    } catch (CollateralSource.CollateralUnavailableException e) {
      long now = System.nanoTime();
      if (now - lastWarning > WARNING_INTERVAL_NANOS) { // one line a minute however many ask
        lastWarning = now;
        LOG.log(Level.WARNING, e.getMessage() + ": " + e.getCause().getMessage());
      }
      text(res, Status.SERVICE_UNAVAILABLE_503, "the enclave cannot offer its collateral right now");
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.header(HeaderNames.CACHE_CONTROL, "max-age=3600");
    res.send(offer);
  }

  private void attestation(ServerRequest req, ServerResponse res) {
    byte[] answer;
    try {
      answer =
          freshness.answer(
              req.localPeer().tlsCertificates().orElse(null), req.query().first("nonce").orElse(null));
    } catch (FreshnessException e) {
      text(res, Status.BAD_REQUEST_400, e.getMessage());
      return;
    } catch (IllegalStateException | MalformedExtensionException e) {
      text(res, Status.BAD_REQUEST_400, "this connection has no RA-TLS certificate: " + e.getMessage());
      return;
    } catch (AttestationException e) {
      LOG.log(Level.ERROR, "cannot quote for a freshness challenge: " + e.getMessage(), e);
      text(res, Status.SERVICE_UNAVAILABLE_503, "the enclave cannot quote right now");
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send(answer);
  }

  static void text(ServerResponse res, Status status, String message) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    res.send((message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
