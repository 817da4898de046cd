package io.cloister.attestation.pck;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The Intel SGX extension of a PCK certificate (OID 1.2.840.113741.1.13.1): the platform's TCB (16
 * component SVNs, PCESVN, CPUSVN), PCE-ID, FMSPC and PPID, as Intel's PCK certificate profile
 * defines them.
 *
 * @param ppid platform provisioning ID, 16 bytes
 * @param tcbComponents the 16 SGX TCB component SVNs
 * @param pceSvn PCE security version
 * @param cpuSvn CPUSVN, 16 bytes
 * @param pceId PCE identifier, 2 bytes
 * @param fmspc family-model-stepping-platform-custom SKU, 6 bytes
 * @param sgxType 0 = Standard, 1 = Scalable, 2 = Scalable with integrity
 */
public record SgxExtensions(
    byte[] ppid,
    int[] tcbComponents,
    int pceSvn,
    byte[] cpuSvn,
    byte[] pceId,
    byte[] fmspc,
    int sgxType) {

  /** OID of the SGX extension. */
  public static final String OID = "1.2.840.113741.1.13.1";

  private static final ASN1ObjectIdentifier ROOT = new ASN1ObjectIdentifier(OID);
  private static final ASN1ObjectIdentifier PPID = ROOT.branch("1");
  private static final ASN1ObjectIdentifier TCB = ROOT.branch("2");
  private static final ASN1ObjectIdentifier PCE_ID = ROOT.branch("3");
  private static final ASN1ObjectIdentifier FMSPC = ROOT.branch("4");
  private static final ASN1ObjectIdentifier SGX_TYPE = ROOT.branch("5");
  private static final ASN1ObjectIdentifier PCE_SVN = TCB.branch("17");
  private static final ASN1ObjectIdentifier CPU_SVN = TCB.branch("18");

  /** Validates sizes and copies the arrays. */
  public SgxExtensions {
    if (ppid.length != 16
        || tcbComponents.length != 16
        || cpuSvn.length != 16
        || pceId.length != 2
        || fmspc.length != 6) {
      throw new IllegalArgumentException("SGX extension field of the wrong size");
    }
    ppid = ppid.clone();
    tcbComponents = tcbComponents.clone();
    cpuSvn = cpuSvn.clone();
    pceId = pceId.clone();
    fmspc = fmspc.clone();
  }

  @Override
  public int[] tcbComponents() {
    return tcbComponents.clone();
  }

  @Override
  public byte[] fmspc() {
    return fmspc.clone();
  }

  @Override
  public byte[] pceId() {
    return pceId.clone();
  }

  @Override
  public byte[] ppid() {
    return ppid.clone();
  }

  @Override
  public byte[] cpuSvn() {
    return cpuSvn.clone();
  }

  /** FMSPC as upper-case hex, the form TCB info uses. */
  public String fmspcHex() {
    return HexFormat.of().withUpperCase().formatHex(fmspc);
  }

  /** PCE-ID as upper-case hex, the form TCB info uses. */
  public String pceIdHex() {
    return HexFormat.of().withUpperCase().formatHex(pceId);
  }

  /** Reads the extension from a PCK certificate. */
  public static SgxExtensions of(X509Certificate pck) throws PckCertificateException {
    byte[] ext = pck.getExtensionValue(OID);
    if (ext == null) {
      throw new PckCertificateException("PCK certificate has no SGX extension " + OID);
    }
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1OctetString.getInstance(ext).getOctets());
      byte[] ppid = null;
      byte[] pceId = null;
      byte[] fmspc = null;
      Integer sgxType = null;
      ASN1Sequence tcb = null;
      for (ASN1Encodable e : seq) {
        ASN1Sequence entry = ASN1Sequence.getInstance(e);
        ASN1ObjectIdentifier id = ASN1ObjectIdentifier.getInstance(entry.getObjectAt(0));
        ASN1Encodable value = entry.getObjectAt(1);
        if (id.equals(PPID)) {
          ppid = octets(value, 16, "PPID");
        } else if (id.equals(TCB)) {
          tcb = ASN1Sequence.getInstance(value);
        } else if (id.equals(PCE_ID)) {
          pceId = octets(value, 2, "PCE-ID");
        } else if (id.equals(FMSPC)) {
          fmspc = octets(value, 6, "FMSPC");
        } else if (id.equals(SGX_TYPE)) {
          sgxType = ASN1Enumerated.getInstance(value).intValueExact();
        }
      }
      if (ppid == null || tcb == null || pceId == null || fmspc == null || sgxType == null) {
        throw new PckCertificateException(
            "SGX extension lacks PPID, TCB, PCE-ID, FMSPC or SGX type");
      }
      int[] comps = new int[16];
      boolean[] seen = new boolean[18];
      int pceSvn = -1;
      byte[] cpuSvn = null;
      for (ASN1Encodable e : tcb) {
        ASN1Sequence entry = ASN1Sequence.getInstance(e);
        ASN1ObjectIdentifier id = ASN1ObjectIdentifier.getInstance(entry.getObjectAt(0));
        ASN1Encodable value = entry.getObjectAt(1);
        if (id.equals(CPU_SVN)) {
          cpuSvn = octets(value, 16, "CPUSVN");
        } else if (id.equals(PCE_SVN)) {
          pceSvn = svn(value, 0xffff);
          seen[17] = true;
        } else if (id.on(TCB)) {
          int n = Integer.parseInt(id.getId().substring(TCB.getId().length() + 1));
          if (n < 1 || n > 16) {
            throw new PckCertificateException("unknown TCB component OID " + id);
          }
          comps[n - 1] = svn(value, 0xff);
          seen[n] = true;
        }
      }
      for (int i = 1; i <= 17; i++) {
        if (!seen[i]) {
          throw new PckCertificateException("SGX TCB extension lacks " + TCB + "." + i);
        }
      }
      if (cpuSvn == null) {
        throw new PckCertificateException("SGX TCB extension lacks CPUSVN");
      }
      return new SgxExtensions(ppid, comps, pceSvn, cpuSvn, pceId, fmspc, sgxType);
    } catch (RuntimeException e) {
      // BouncyCastle reports malformed ASN.1 with assorted unchecked exceptions; fail closed.
      throw new PckCertificateException("malformed SGX extension: " + e.getMessage(), e);
    }
  }

  private static byte[] octets(ASN1Encodable v, int len, String what)
      throws PckCertificateException {
    byte[] b = ASN1OctetString.getInstance(v).getOctets();
    if (b.length != len) {
      throw new PckCertificateException(what + " must be " + len + " bytes, found " + b.length);
    }
    return b;
  }

  private static int svn(ASN1Encodable v, int max) throws PckCertificateException {
    BigInteger b = ASN1Integer.getInstance(v).getValue();
    if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new PckCertificateException("SVN out of range: " + b);
    }
    return b.intValue();
  }

  /** DER encoding of the extension value (for issuing simulated PCK certificates). */
  public byte[] encode() {
    ASN1EncodableVector tcb = new ASN1EncodableVector();
    for (int i = 0; i < 16; i++) {
      tcb.add(pair(TCB.branch(Integer.toString(i + 1)), new ASN1Integer(tcbComponents[i])));
    }
    tcb.add(pair(PCE_SVN, new ASN1Integer(pceSvn)));
    tcb.add(pair(CPU_SVN, new DEROctetString(cpuSvn)));
    ASN1EncodableVector all = new ASN1EncodableVector();
    all.add(pair(PPID, new DEROctetString(ppid)));
    all.add(pair(TCB, new DERSequence(tcb)));
    all.add(pair(PCE_ID, new DEROctetString(pceId)));
    all.add(pair(FMSPC, new DEROctetString(fmspc)));
    all.add(pair(SGX_TYPE, new ASN1Enumerated(sgxType)));
    try {
      return new DERSequence(all).getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory failed", e);
    }
  }

  private static DERSequence pair(ASN1ObjectIdentifier id, ASN1Primitive v) {
    return new DERSequence(new ASN1Encodable[] {id, v});
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SgxExtensions s && Arrays.equals(encode(), s.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }

  @Override
  public String toString() {
    return "SgxExtensions[fmspc="
        + fmspcHex()
        + ", pceId="
        + pceIdHex()
        + ", pceSvn="
        + pceSvn
        + ", tcb="
        + Arrays.toString(tcbComponents)
        + "]";
  }
}
