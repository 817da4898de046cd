package io.cloister.attestation.collateral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.PemCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The collateral an enclave offers at {@value #PATH}: the bundle of {@link CollateralBundle}, and
 * for a simulated enclave its simulation root CA as {@code simulation_root} (PEM), so that a
 * verifier needs nothing but the enclave's address.
 *
 * <p>The collateral authenticates itself (its parts are signed under the root the verifier
 * trusts), so it may come over any channel. The simulation root does not: taken from the enclave
 * itself it proves nothing, and a verifier trusts it only when told to allow simulation.
 */
public record OfferedCollateral(Collateral collateral, Optional<X509Certificate> simulationRoot) {
  /** Where enclaves serve it, on both of their listeners. */
  public static final String PATH = "/.well-known/cloister/collateral";

  /** The member holding the simulation root. */
  private static final String SIMULATION_ROOT = "simulation_root";

  /** The offer as JSON: the bundle's members, and {@code simulation_root} when there is one. */
  public byte[] encode() {
    ObjectNode bundle = CollateralBundle.toJson(collateral);
    simulationRoot.ifPresent(r -> bundle.put(SIMULATION_ROOT, PemCertificates.encode(List.of(r))));
    return bundle.toPrettyString().getBytes(StandardCharsets.UTF_8);
  }

  /** Parses an offer (a plain bundle is an offer without a simulation root). */
  public static OfferedCollateral parse(byte[] json) throws CollateralFormatException {
    JsonNode root;
    try {
      root = TcbInfo.JSON.readTree(json);
    } catch (IOException e) {
      throw new CollateralFormatException("bundle", "not JSON: " + e.getMessage(), e);
    }
    Collateral collateral = CollateralBundle.fromJson(root);
    JsonNode pem = root.get(SIMULATION_ROOT);
    if (pem == null || pem.isNull()) {
      return new OfferedCollateral(collateral, Optional.empty());
    }
    if (!pem.isTextual()) {
      throw new CollateralFormatException(SIMULATION_ROOT, "expected a PEM certificate (a string)");
    }
    try {
      List<X509Certificate> certs = PemCertificates.parse(pem.textValue());
      if (certs.size() != 1) {
        throw new CollateralFormatException(
            SIMULATION_ROOT, "expected one certificate, got " + certs.size());
      }
      return new OfferedCollateral(collateral, Optional.of(certs.get(0)));
    } catch (PckCertificateException e) {
      throw new CollateralFormatException(SIMULATION_ROOT, e.getMessage(), e);
    }
  }

  /**
   * Fetches what the enclave at {@code host:port} offers. The TLS connection is not verified (the
   * enclave's RA-TLS certificate is what this collateral is for); what it carries is checked by
   * its signatures when a quote is appraised, and the simulation root only trusted on request.
   *
   * @throws CollateralFetchException if the enclave cannot be reached, answers with an error, or
   *     serves something that is not an offer
   */
  public static OfferedCollateral fetch(String host, int port, Duration timeout)
      throws CollateralFetchException {
    URI uri = URI.create("https://" + hostForUri(host) + ":" + port + PATH);
    try (HttpClient client =
        HttpClient.newBuilder().sslContext(unverified()).connectTimeout(timeout).build()) {
      HttpResponse<InputStream> res =
          client.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = res.body()) {
        body = in.readNBytes((int) CollateralBundle.MAX_SIZE + 1);
      }
      if (res.statusCode() != 200) {
        throw new CollateralFetchException(
            uri + " answered " + res.statusCode() + ": "
                + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip());
      }
      if (body.length > CollateralBundle.MAX_SIZE) {
        throw new CollateralFetchException(
            uri + " served more than " + CollateralBundle.MAX_SIZE + " bytes");
      }
      return parse(body);
    } catch (CollateralFormatException e) {
      throw new CollateralFetchException(uri + " served unusable collateral: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CollateralFetchException("cannot fetch " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollateralFetchException("interrupted fetching " + uri, e);
    }
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static SSLContext unverified() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new javax.net.ssl.TrustManager[] {new AnyServerCertificate()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is available in every JDK", e);
    }
  }

  /** Accepts any server: only for fetching data that authenticates itself. */
  private static final class AnyServerCertificate extends javax.net.ssl.X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      throw new UnsupportedOperationException("a client-side trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket s) {
      throw new UnsupportedOperationException("a client-side trust manager");
    }

    @Override
    public void checkClientTrusted(
        X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) {
      throw new UnsupportedOperationException("a client-side trust manager");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket s) {}

    @Override
    public void checkServerTrusted(
        X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine e) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
