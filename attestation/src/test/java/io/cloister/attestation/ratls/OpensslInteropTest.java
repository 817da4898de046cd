package io.cloister.attestation.ratls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openssl x509 -text} reads our certificates and lists every RA-TLS extension. */
class OpensslInteropTest {

  @TempDir Path dir;

  @Test
  void opensslListsTheRaTlsExtensions() throws Exception {
    assumeTrue(run("command -v openssl").exit == 0, "openssl is not installed");
    CertificateSet set = new RaTlsIssuer(new SplicedQuoteAttester()).issue(TestConfigs.twoApps());

    String app = text(set.appCertificate(TestConfigs.HELLO_HOST).orElseThrow());
    assertThat(app)
        .contains(
            "1.2.840.113741.1.13.1.0:",
            "1.3.6.1.4.1.65230.1.1:",
            "1.3.6.1.4.1.65230.1.3:",
            "1.3.6.1.4.1.65230.2.1:",
            "1.3.6.1.4.1.65230.2.2:",
            "1.3.6.1.4.1.65230.2.3:",
            "ASN1 OID: prime256v1",
            "ecdsa-with-SHA256",
            "DNS:hello.apps.test")
        .doesNotContain("1.3.6.1.4.1.65230.1.2:");
    String enclave = text(set.enclaveCertificate());
    assertThat(enclave)
        .contains("1.2.840.113741.1.13.1.0:", "1.3.6.1.4.1.65230.1.1:", "1.3.6.1.4.1.65230.1.2:")
        .doesNotContain("1.3.6.1.4.1.65230.2.1:");
    // None of ours is critical: openssl would print "<oid>: critical".
    assertThat(app).doesNotContain("65230.2.1: critical", "13.1.0: critical");
  }

  private String text(X509Certificate cert) throws Exception {
    Path pem = Files.createTempFile(dir, "cert", ".pem");
    Files.writeString(
        pem,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cert.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    Result r = run("openssl x509 -text -noout -in '" + pem + "'");
    assertThat(r.exit).as(r.output).isZero();
    return r.output;
  }

  private record Result(int exit, String output) {}

  private static Result run(String command) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
