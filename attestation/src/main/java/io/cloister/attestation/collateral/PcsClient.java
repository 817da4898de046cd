package io.cloister.attestation.collateral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.PemCertificates;
import io.cloister.attestation.pck.SgxExtensions;
import io.cloister.attestation.quote.CertificationData;
import io.cloister.attestation.quote.QuoteFormatException;
import io.cloister.attestation.quote.SgxQuote;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Fetches collateral from an Intel PCS v4 or PCCS compatible HTTP API and caches it until its
 * earliest nextUpdate. Issuer chains come from the response headers Intel documents ({@code
 * TCB-Info-Issuer-Chain}, {@code SGX-Enclave-Identity-Issuer-Chain}, {@code
 * SGX-PCK-CRL-Issuer-Chain}), URL-encoded PEM. Signed JSON is kept byte-exact as served.
 */
public final class PcsClient {
  /** Intel's public PCS. */
  public static final URI INTEL_PCS = URI.create("https://api.trustedservices.intel.com");

  /** Where Intel publishes the SGX root CA's CRL (DER). */
  public static final URI INTEL_ROOT_CA_CRL =
      URI.create("https://certificates.trustedservices.intel.com/IntelSGXRootCA.der");

  private static final Pattern FMSPC = Pattern.compile("[0-9A-Fa-f]{12}");
  private static final long MAX_BODY = 1024 * 1024;
  private static final JsonFactory JSON = new JsonFactory();

  /** Which PCK CA issued the PCK certificate, hence which PCK CRL applies. */
  public enum PckCa {
    PROCESSOR("processor"),
    PLATFORM("platform");

    private final String query;

    PckCa(String query) {
      this.query = query;
    }

    /** The PCK CA named in a PCK certificate's issuer (Intel SGX PCK Processor/Platform CA). */
    public static PckCa issuerOf(X509Certificate pck) {
      return pck.getIssuerX500Principal().getName().contains("Platform") ? PLATFORM : PROCESSOR;
    }
  }

  private record Key(String fmspc, PckCa ca) {}

  private final URI base;
  private final URI rootCaCrl;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final Map<Key, Collateral> cache = new ConcurrentHashMap<>();

  /**
   * A client for the PCS or PCCS at {@code base}, taking the root CA CRL from {@code rootCaCrl}
   * (for a PCCS: {@code base + /sgx/certification/v4/rootcacrl}).
   */
  public PcsClient(URI base, URI rootCaCrl, HttpClient http, Clock clock, Duration timeout) {
    this.base = base;
    this.rootCaCrl = rootCaCrl;
    this.http = http;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** A client for a PCCS at {@code base}, which serves the root CA CRL itself. */
  public static PcsClient pccs(URI base, HttpClient http, Clock clock) {
    return new PcsClient(
        base, base.resolve("/sgx/certification/v4/rootcacrl"), http, clock, Duration.ofSeconds(30));
  }

  /** Collateral for a platform, from the cache while it is current, else fetched. */
  public Collateral collateral(String fmspc, PckCa ca) throws CollateralFetchException {
    if (!FMSPC.matcher(fmspc).matches()) {
      throw new IllegalArgumentException("FMSPC must be 12 hex digits: " + fmspc);
    }
    Key key = new Key(fmspc.toUpperCase(Locale.ROOT), ca);
    Collateral cached = cache.get(key);
    if (cached != null && clock.instant().isBefore(cached.nextUpdate())) {
      return cached;
    }
    Collateral fresh = fetch(key);
    cache.put(key, fresh);
    return fresh;
  }

  /**
   * Collateral for the platform that produced {@code quote}: its FMSPC and PCK CA are read from the
   * PCK certificate the quote carries (certification data type 5), as a verifier will.
   *
   * @throws CollateralFetchException if the quote names no platform, or fetching fails
   */
  public Collateral collateralFor(byte[] quote) throws CollateralFetchException {
    X509Certificate pck;
    String fmspc;
    try {
      CertificationData cert = SgxQuote.parse(quote).qeCertification().pckCertification();
      if (cert.type() != CertificationData.PCK_CERT_CHAIN) {
        throw new CollateralFetchException(
            "the quote carries certification data of type " + cert.type()
                + ", not a PCK certificate chain (5): its platform is unknown");
      }
      pck = PemCertificates.parse(cert.pemText()).get(0);
      fmspc = SgxExtensions.of(pck).fmspcHex();
    } catch (QuoteFormatException | PckCertificateException | IndexOutOfBoundsException e) {
      throw new CollateralFetchException("cannot tell the quote's platform: " + e.getMessage(), e);
    }
    return collateral(fmspc, PckCa.issuerOf(pck));
  }

  private Collateral fetch(Key key) throws CollateralFetchException {
    HttpResponse<byte[]> tcb = get(path("/sgx/certification/v4/tcb?fmspc=" + key.fmspc()));
    HttpResponse<byte[]> qe = get(path("/sgx/certification/v4/qe/identity"));
    HttpResponse<byte[]> pckCrl =
        get(path("/sgx/certification/v4/pckcrl?ca=" + key.ca().query + "&encoding=der"));
    HttpResponse<byte[]> rootCrl = get(rootCaCrl);
    try {
      byte[] tcbBody = signedObject(tcb.body(), "tcbInfo");
      byte[] qeBody = signedObject(qe.body(), "enclaveIdentity");
      return new Collateral(
          CollateralParts.chain(
              header(pckCrl, "SGX-PCK-CRL-Issuer-Chain"), "SGX-PCK-CRL-Issuer-Chain"),
          CollateralParts.crl(pckCrl.body(), "pckcrl"),
          CollateralParts.crl(derOrHex(rootCrl.body()), "rootcacrl"),
          new SignedDocument<>(
              tcbBody,
              CollateralParts.signature(signatureOf(tcb.body()), "tcb.signature"),
              CollateralParts.chain(header(tcb, "TCB-Info-Issuer-Chain"), "TCB-Info-Issuer-Chain"),
              TcbInfo.parse(tcbBody)),
          new SignedDocument<>(
              qeBody,
              CollateralParts.signature(signatureOf(qe.body()), "qe/identity.signature"),
              CollateralParts.chain(
                  header(qe, "SGX-Enclave-Identity-Issuer-Chain"),
                  "SGX-Enclave-Identity-Issuer-Chain"),
              QeIdentity.parse(qeBody)));
    } catch (CollateralFormatException e) {
      throw new CollateralFetchException(
          "the PCS served malformed collateral: " + e.getMessage(), e);
    }
  }

  private URI path(String pathAndQuery) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathAndQuery);
  }

  private HttpResponse<byte[]> get(URI uri) throws CollateralFetchException {
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<byte[]> res;
    try {
      res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new CollateralFetchException("GET " + uri + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollateralFetchException("interrupted during GET " + uri, e);
    }
    if (res.statusCode() != 200) {
      throw new CollateralFetchException("GET " + uri + " answered HTTP " + res.statusCode());
    }
    if (res.body().length > MAX_BODY) {
      throw new CollateralFetchException(
          "GET " + uri + " answered more than " + MAX_BODY + " bytes");
    }
    return res;
  }

  private static String header(HttpResponse<?> res, String name) throws CollateralFormatException {
    String v =
        res.headers()
            .firstValue(name)
            .orElseThrow(() -> new CollateralFormatException(name, "response header missing"));
    return URLDecoder.decode(v, StandardCharsets.UTF_8);
  }

  // PCCS versions before v4 serve the root CA CRL as hex text; v4 and Intel serve DER.
  private static byte[] derOrHex(byte[] body) throws CollateralFormatException {
    if (body.length > 0 && body[0] == 0x30) {
      return body;
    }
    return CollateralParts.hex(new String(body, StandardCharsets.US_ASCII).strip(), "rootcacrl");
  }

  /** The exact bytes of the value of top-level field {@code name}: what Intel signed. */
  static byte[] signedObject(byte[] body, String name) throws CollateralFormatException {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new CollateralFormatException(name, "response is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals(name) && value == JsonToken.START_OBJECT) {
          int start = (int) p.currentTokenLocation().getByteOffset();
          p.skipChildren();
          int end = (int) p.currentTokenLocation().getByteOffset() + 1;
          return Arrays.copyOfRange(body, start, end);
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      throw new CollateralFormatException(name, "response is not JSON: " + e.getMessage(), e);
    }
    throw new CollateralFormatException(name, "response lacks the signed object");
  }

  private static String signatureOf(byte[] body) throws CollateralFormatException {
    try {
      var node = TcbInfo.JSON.readTree(body).get("signature");
      if (node == null || !node.isTextual()) {
        throw new CollateralFormatException("signature", "missing from the response");
      }
      return node.asText();
    } catch (IOException e) {
      throw new CollateralFormatException("signature", "response is not JSON", e);
    }
  }
}
