package io.cloister.attestation.ratls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a TLS peer when, and only when, its RA-TLS certificate passes {@link RaTlsVerifier} with
 * the given expectations; no certificate authority is consulted. Hostname verification is replaced
 * by the attestation checks (add {@link RaTlsExpectations#withHostname} to keep it).
 */
public final class RaTlsTrustManager extends X509ExtendedTrustManager {

  private final RaTlsVerifier verifier;
  private final RaTlsExpectations expected;
  private final Consumer<RaTlsReport> observer;

  /** Trusts peers passing {@code verifier} under {@code expected}. */
  public RaTlsTrustManager(RaTlsVerifier verifier, RaTlsExpectations expected) {
    this(verifier, expected, report -> {});
  }

  /** As above, handing every report (passed or not) to {@code observer} before deciding. */
  public RaTlsTrustManager(
      RaTlsVerifier verifier, RaTlsExpectations expected, Consumer<RaTlsReport> observer) {
    this.verifier = verifier;
    this.expected = expected;
    this.observer = observer;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("RA-TLS: the peer presented no certificate");
    }
    RaTlsReport report = verifier.verify(List.of(chain), expected);
    observer.accept(report);
    if (!report.passed()) {
      throw new CertificateException("RA-TLS verification failed: " + report.failureSummary());
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  /** No CA is trusted, so none is named to the peer. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
