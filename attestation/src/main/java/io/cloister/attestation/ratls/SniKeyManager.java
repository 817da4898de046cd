package io.cloister.attestation.ratls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Server key manager that picks a certificate from the current {@link CertificateSet} by SNI and
 * lets the whole set be {@link #swap swapped} atomically.
 *
 * <p>An alias names the set's generation and the chosen host ({@code "3/hello.example"}), and the
 * last few generations stay resolvable: a handshake that chose its alias before a swap still gets
 * the old certificate and the old key together, while every later handshake gets the new set.
 */
public final class SniKeyManager extends X509ExtendedKeyManager {

  /** How many superseded generations stay resolvable for handshakes already in flight. */
  static final int RETAINED_GENERATIONS = 4;

  private static final String ENCLAVE = "*enclave*";

  private record Generation(long number, CertificateSet set) {}

  private final AtomicReference<Generation> current;
  private final Map<Long, CertificateSet> recent = new ConcurrentHashMap<>();

  /** Serves {@code initial} until the first swap. */
  public SniKeyManager(CertificateSet initial) {
    current = new AtomicReference<>(new Generation(0, initial));
    recent.put(0L, initial);
  }

  /** Makes {@code next} the set every new handshake gets; returns the one it replaces. */
  public synchronized CertificateSet swap(CertificateSet next) {
    Generation previous = current.get();
    long number = previous.number() + 1;
    // Resolvable before it becomes choosable, so no handshake sees an alias it cannot resolve.
    recent.put(number, next);
    current.set(new Generation(number, next));
    recent.remove(number - RETAINED_GENERATIONS - 1);
    return previous.set();
  }

  /** The set new handshakes get. */
  public CertificateSet current() {
    return current.get().set();
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseAlias(keyType, engine == null ? null : engine.getHandshakeSession());
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    return chooseAlias(keyType, session);
  }

  private String chooseAlias(String keyType, SSLSession handshake) {
    // Every certificate holds an EC key; offering it for RSA would fail the handshake later.
    if (!"EC".equals(keyType)) {
      return null;
    }
    Generation g = current.get();
    Optional<String> sni = sniHostName(handshake);
    String host = sni.filter(h -> g.set().appCertificate(h).isPresent()).orElse(ENCLAVE);
    return g.number() + "/" + host;
  }

  private static Optional<String> sniHostName(SSLSession handshake) {
    if (!(handshake instanceof ExtendedSSLSession extended)) {
      return Optional.empty();
    }
    for (SNIServerName name : extended.getRequestedServerNames()) {
      if (name instanceof SNIHostName host) {
        return Optional.of(host.getAsciiName());
      }
    }
    return Optional.empty();
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return resolve(alias).map(r -> new X509Certificate[] {r.certificate()}).orElse(null);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return resolve(alias).map(r -> r.set().privateKey()).orElse(null);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    if (!"EC".equals(keyType)) {
      return null;
    }
    Generation g = current.get();
    List<String> aliases =
        Stream.concat(Stream.of(ENCLAVE), g.set().appCertificates().keySet().stream())
            .map(h -> g.number() + "/" + h)
            .toList();
    return aliases.toArray(String[]::new);
  }

  /** Client authentication is not done with RA-TLS server certificates. */
  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  private record Resolved(CertificateSet set, X509Certificate certificate) {}

  private Optional<Resolved> resolve(String alias) {
    if (alias == null) {
      return Optional.empty();
    }
    int slash = alias.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    long number;
    try {
      number = Long.parseLong(alias.substring(0, slash));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    CertificateSet set = recent.get(number);
    if (set == null) {
      return Optional.empty();
    }
    String host = alias.substring(slash + 1);
    X509Certificate cert =
        host.equals(ENCLAVE) ? set.enclaveCertificate() : set.appCertificate(host).orElse(null);
    return cert == null ? Optional.empty() : Optional.of(new Resolved(set, cert));
  }
}
