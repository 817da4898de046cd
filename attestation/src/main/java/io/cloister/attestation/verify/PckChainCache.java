package io.cloister.attestation.verify;

import io.cloister.attestation.pck.PckCertificateException;
import io.cloister.attestation.pck.PemCertificates;
import io.cloister.attestation.pck.SgxExtensions;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers parsed PCK chains by their PEM text and SGX extensions by certificate: a platform
 * presents the same chain in every quote, and parsing it costs more than verifying a signature.
 * Only successful parses are kept; validation still runs on every quote. Bounded, least recently
 * used entries go first.
 */
final class PckChainCache {
  private static final int MAX_ENTRIES = 64;

  private final Map<String, List<X509Certificate>> chains = lru();
  private final Map<X509Certificate, SgxExtensions> extensions = lru();

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }

  /** The certificates of a PEM chain. */
  List<X509Certificate> chain(String pem) throws PckCertificateException {
    synchronized (chains) {
      List<X509Certificate> cached = chains.get(pem);
      if (cached != null) {
        return cached;
      }
    }
    List<X509Certificate> parsed = PemCertificates.parse(pem);
    synchronized (chains) {
      chains.put(pem, parsed);
    }
    return parsed;
  }

  /** The SGX extensions of a PCK certificate. */
  SgxExtensions extensions(X509Certificate pck) throws PckCertificateException {
    synchronized (extensions) {
      SgxExtensions cached = extensions.get(pck);
      if (cached != null) {
        return cached;
      }
    }
    SgxExtensions parsed = SgxExtensions.of(pck);
    synchronized (extensions) {
      extensions.put(pck, parsed);
    }
    return parsed;
  }
}
