package io.cloister.attestation.attester;

import io.cloister.attestation.crypto.P256;
import io.cloister.attestation.pck.PemCertificates;
import io.cloister.attestation.quote.CertificationData;
import io.cloister.attestation.quote.EnclaveReport;
import io.cloister.attestation.quote.QeReportCertification;
import io.cloister.attestation.quote.QuoteHeader;
import io.cloister.attestation.quote.SgxQuote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Produces DCAP v3 quotes without SGX hardware: a simulated QE signs with its own attestation key,
 * certified by the {@link SimulationAuthority}'s PCK. Such quotes verify only under the simulation
 * root and prove nothing about hardware. MRENCLAVE is computed over the enclave runtime's jars.
 */
public final class SimulatedAttester implements Attester {
  /** Attributes of the simulated enclave: INIT and MODE64BIT, not DEBUG; XFRM x87+SSE. */
  private static final byte[] ENCLAVE_ATTRIBUTES =
      HexFormat.of().parseHex("05000000000000000300000000000000");

  /** QE authentication data, as Intel's QE emits it: 32 bytes 0x00..0x1f. */
  private static final byte[] QE_AUTH_DATA = authData();

  private final SimulationAuthority authority;
  private final byte[] mrEnclave;
  private final int isvProdId;
  private final int isvSvn;
  private final QeReportCertification qeCertification;
  private final QuoteHeader header;

  /**
   * A simulated attester for the enclave runtime made of {@code runtimeJars}, ISV product 0 SVN 0.
   */
  public SimulatedAttester(SimulationAuthority authority, List<Path> runtimeJars)
      throws AttestationException {
    this(authority, measure(runtimeJars), 0, 0);
  }

  /** A simulated attester for an enclave with an explicit MRENCLAVE and ISV identity. */
  public SimulatedAttester(
      SimulationAuthority authority, byte[] mrEnclave, int isvProdId, int isvSvn) {
    if (mrEnclave.length != 32) {
      throw new IllegalArgumentException("MRENCLAVE has 32 bytes");
    }
    this.authority = authority;
    this.mrEnclave = mrEnclave.clone();
    this.isvProdId = isvProdId;
    this.isvSvn = isvSvn;
    byte[] attestationKey = P256.raw(authority.attestationKey().getPublic());
    byte[] qeReportData = Arrays.copyOf(P256.sha256(attestationKey, QE_AUTH_DATA), 64);
    EnclaveReport qeReport =
        EnclaveReport.build(
            new byte[16],
            0,
            SimulationAuthority.QE_ATTRIBUTES,
            SimulationAuthority.QE_MRENCLAVE,
            SimulationAuthority.QE_MRSIGNER,
            SimulationAuthority.QE_ISV_PROD_ID,
            SimulationAuthority.QE_ISV_SVN,
            qeReportData);
    byte[] chain =
        (PemCertificates.encode(authority.pckChain()) + "\0").getBytes(StandardCharsets.US_ASCII);
    this.qeCertification =
        new QeReportCertification(
            qeReport,
            P256.sign(authority.pckKey(), qeReport.encode()),
            QE_AUTH_DATA,
            new CertificationData(CertificationData.PCK_CERT_CHAIN, chain));
    byte[] userData = Arrays.copyOf(P256.sha256(attestationKey), 20);
    this.header =
        new QuoteHeader(
            3,
            QuoteHeader.ECDSA_P256,
            QuoteHeader.TEE_SGX,
            SimulationAuthority.QE_ISV_SVN,
            SimulationAuthority.PCE_SVN,
            QuoteHeader.INTEL_QE_VENDOR_ID,
            userData);
  }

  /**
   * MRENCLAVE of a simulated enclave runtime: SHA-256 over its jars ordered by file name (then full
   * path), each contributing its 8-byte big-endian length followed by its content, so the value
   * depends only on the jars' names' order and bytes, not on where they are installed.
   */
  public static byte[] measure(List<Path> runtimeJars) throws AttestationException {
    List<Path> sorted = new ArrayList<>(runtimeJars);
    sorted.sort(
        Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString));
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[64 * 1024];
      for (Path jar : sorted) {
        md.update(ByteBuffer.allocate(8).putLong(Files.size(jar)).array());
        try (InputStream in = Files.newInputStream(jar)) {
          for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
          }
        }
      }
      return md.digest();
    } catch (IOException e) {
      throw new AttestationException("cannot measure the enclave runtime jars", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The MRENCLAVE this attester reports. */
  public byte[] mrEnclave() {
    return mrEnclave.clone();
  }

  @Override
  public byte[] quote(byte[] reportData) {
    byte[] data = Attester.checkReportData(reportData);
    EnclaveReport body =
        EnclaveReport.build(
            SimulationAuthority.cpuSvn(),
            0,
            ENCLAVE_ATTRIBUTES,
            mrEnclave,
            authority.mrSigner(),
            isvProdId,
            isvSvn,
            data);
    byte[] signature =
        P256.sign(authority.attestationKey().getPrivate(), SgxQuote.signedBytes(header, body));
    return new SgxQuote(
            header,
            body,
            signature,
            P256.raw(authority.attestationKey().getPublic()),
            qeCertification)
        .encode();
  }

  /** The authority its quotes chain to (whose collateral a simulated enclave offers). */
  public SimulationAuthority authority() {
    return authority;
  }

  @Override
  public boolean simulated() {
    return true;
  }

  private static byte[] authData() {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      b[i] = (byte) i;
    }
    return b;
  }
}
