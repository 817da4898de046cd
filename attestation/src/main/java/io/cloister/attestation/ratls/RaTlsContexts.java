package io.cloister.attestation.ratls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** {@link SSLContext}s for RA-TLS servers (SNI key manager) and clients (attestation trust). */
public final class RaTlsContexts {

  /** The protocol of every context: TLS 1.3 and 1.2 as the JDK negotiates them. */
  public static final String PROTOCOL = "TLS";

  private RaTlsContexts() {}

  /** A server context presenting the certificates of {@code keyManager}. */
  public static SSLContext server(SniKeyManager keyManager) {
    return context(new KeyManager[] {keyManager}, null);
  }

  /** A client context that trusts a server only when {@code trustManager} accepts its evidence. */
  public static SSLContext client(RaTlsTrustManager trustManager) {
    return context(null, new TrustManager[] {trustManager});
  }

  private static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) {
    try {
      SSLContext context = SSLContext.getInstance(PROTOCOL);
      context.init(keyManagers, trustManagers, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's TLS provider cannot be initialized", e);
    }
  }
}
