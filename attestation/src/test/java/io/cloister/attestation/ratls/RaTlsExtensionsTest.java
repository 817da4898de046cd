package io.cloister.attestation.ratls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloister.attestation.merkle.ConfigKeys;
import io.cloister.attestation.merkle.InclusionProof;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;

class RaTlsExtensionsTest {

  private final X509Certificate issued;

  RaTlsExtensionsTest() throws Exception {
    issued =
        new RaTlsIssuer(new SplicedQuoteAttester())
            .issue(TestConfigs.twoApps())
            .appCertificate(TestConfigs.HELLO_HOST)
            .orElseThrow();
  }

  private CraftedCertificate crafted() throws Exception {
    return new CraftedCertificate().copyFrom(issued);
  }

  private static void assertMalformed(X509Certificate cert, String oid, String message) {
    assertThatThrownBy(() -> RaTlsExtensions.read(cert))
        .isInstanceOf(MalformedExtensionException.class)
        .hasMessageStartingWith("extension " + oid)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((MalformedExtensionException) e).oid().getId()).isEqualTo(oid));
  }

  @Test
  void issuedExtensionsRoundTrip() throws Exception {
    RaTlsExtensions ext = RaTlsExtensions.read(crafted().build());
    assertThat(ext.app()).contains(AppIdentity.of(TestConfigs.hello()));
  }

  @Test
  void missingQuoteOrRoot() throws Exception {
    assertMalformed(
        crafted().remove(RaTlsOids.SGX_QUOTE).build(),
        "1.2.840.113741.1.13.1.0",
        "missing from the certificate");
    assertMalformed(
        crafted().remove(RaTlsOids.MERKLE_ROOT).build(),
        "1.3.6.1.4.1.65230.1.1",
        "missing from the certificate");
  }

  @Test
  void emptyQuote() throws Exception {
    assertMalformed(
        crafted().set(RaTlsOids.SGX_QUOTE, new byte[0]).build(),
        "1.2.840.113741.1.13.1.0",
        "quote is 0 bytes");
  }

  @Test
  void rootOfWrongLengthOrType() throws Exception {
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_ROOT, new DEROctetString(new byte[31]).getEncoded()).build(),
        "1.3.6.1.4.1.65230.1.1",
        "Merkle root: expected 32 bytes, found 31");
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_ROOT, new DERUTF8String("root").getEncoded()).build(),
        "1.3.6.1.4.1.65230.1.1",
        "expected OCTET STRING, found UTF8String");
    // The raw 32 bytes without the OCTET STRING header are not DER of anything sensible.
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_ROOT, new byte[32]).build(), "1.3.6.1.4.1.65230.1.1", "");
  }

  @Test
  void rootWithTrailingBytesOrNonDerLength() throws Exception {
    byte[] trailing = new byte[36];
    System.arraycopy(new DEROctetString(new byte[32]).getEncoded(), 0, trailing, 0, 34);
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_ROOT, trailing).build(), "1.3.6.1.4.1.65230.1.1", "");
    byte[] longForm = new byte[35];
    longForm[0] = 0x04;
    longForm[1] = (byte) 0x81; // long-form length 32: valid BER, not DER
    longForm[2] = 32;
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_ROOT, longForm).build(),
        "1.3.6.1.4.1.65230.1.1",
        "not in canonical DER");
  }

  @Test
  void criticalExtensionIsRefused() throws Exception {
    assertMalformed(
        crafted().critical(RaTlsOids.APP_NAME, new DERUTF8String("hello").getEncoded()).build(),
        "1.3.6.1.4.1.65230.2.1",
        "marked critical");
  }

  @Test
  void appExtensionsGoTogether() throws Exception {
    assertMalformed(
        crafted().remove(RaTlsOids.CODE_HASH).build(),
        "1.3.6.1.4.1.65230.2.3",
        "2.1, 2.2 and 2.3 go together");
    assertMalformed(
        crafted().remove(RaTlsOids.APP_NAME).build(), "1.3.6.1.4.1.65230.2.1", "missing");
  }

  @Test
  void appNameMustBeUtf8StringOfWellFormedUtf8() throws Exception {
    assertMalformed(
        crafted()
            .set(RaTlsOids.APP_NAME, new DEROctetString("hello".getBytes()).getEncoded())
            .build(),
        "1.3.6.1.4.1.65230.2.1",
        "app name: expected UTF8String, found OctetString");
    byte[] badUtf8 = {0x0c, 0x02, (byte) 0xc3, 0x28};
    assertMalformed(
        crafted().set(RaTlsOids.ROUTE_PREFIX, badUtf8).build(),
        "1.3.6.1.4.1.65230.2.2",
        "route prefix: UTF8String holds ill-formed UTF-8");
  }

  @Test
  void codeHashOfWrongLength() throws Exception {
    assertMalformed(
        crafted().set(RaTlsOids.CODE_HASH, new DEROctetString(new byte[20]).getEncoded()).build(),
        "1.3.6.1.4.1.65230.2.3",
        "code hash: expected 32 bytes, found 20");
  }

  @Test
  void malformedManifests() throws Exception {
    String oid = "1.3.6.1.4.1.65230.1.2";
    assertMalformed(
        crafted().set(RaTlsOids.APP_MANIFEST, seq(new ASN1Integer(2), new DERSequence())).build(),
        oid,
        "AppManifest.version: unsupported version 2");
    assertMalformed(
        crafted().set(RaTlsOids.APP_MANIFEST, seq(new ASN1Integer(1))).build(),
        oid,
        "AppManifest: expected 2 elements, found 1");
    byte[] hash = new byte[32];
    ASN1Encodable b = entry("b", hash);
    ASN1Encodable a = entry("a", hash);
    assertMalformed(
        crafted()
            .set(
                RaTlsOids.APP_MANIFEST,
                seq(new ASN1Integer(1), new DERSequence(new ASN1Encodable[] {b, a})))
            .build(),
        oid,
        "AppManifest.apps[1].name: 'a' is not sorted after 'b'");
    ASN1Encodable shortHash = entry("a", new byte[5]);
    assertMalformed(
        crafted()
            .set(RaTlsOids.APP_MANIFEST, seq(new ASN1Integer(1), new DERSequence(shortHash)))
            .build(),
        oid,
        "AppManifest.apps[0].codeHash: expected 32 bytes, found 5");
    ASN1Encodable badName = entry("Not A Name", hash);
    assertMalformed(
        crafted()
            .set(RaTlsOids.APP_MANIFEST, seq(new ASN1Integer(1), new DERSequence(badName)))
            .build(),
        oid,
        "AppManifest.apps[0]: app name 'Not A Name'");
  }

  @Test
  void manifestRoundTripsThroughDer() throws Exception {
    AppManifest m = new AppManifest(List.of(TestConfigs.shop(), TestConfigs.hello()));
    assertThat(AppManifest.fromDer(m.toDer())).isEqualTo(m);
    assertThat(m.apps()).extracting(AppDescriptor::name).containsExactly("hello", "shop");
  }

  @Test
  void malformedProofs() throws Exception {
    String oid = "1.3.6.1.4.1.65230.1.3";
    ConfigLeafProof good = RaTlsExtensions.read(issued).leafProof().orElseThrow();
    assertThat(ConfigLeafProof.fromDer(good.toDer()).proof().auditPath())
        .containsExactlyElementsOf(good.proof().auditPath());
    byte[] indexTooBig =
        seq(
            new DERUTF8String("k"),
            new DEROctetString(new byte[1]),
            new ASN1Integer(3),
            new ASN1Integer(3),
            new DERSequence());
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_PROOF, indexTooBig).build(),
        oid,
        "leafIndex: 3 is not below treeSize 3");
    byte[] negative =
        seq(
            new DERUTF8String("k"),
            new DEROctetString(new byte[1]),
            new ASN1Integer(-1),
            new ASN1Integer(3),
            new DERSequence());
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_PROOF, negative).build(), oid, "leafIndex: -1 is outside");
    byte[] shortPath =
        seq(
            new DERUTF8String("k"),
            new DEROctetString(new byte[1]),
            new ASN1Integer(0),
            new ASN1Integer(2),
            new DERSequence(new DEROctetString(new byte[31])));
    assertMalformed(
        crafted().set(RaTlsOids.MERKLE_PROOF, shortPath).build(),
        oid,
        "auditPath[0]: expected 32 bytes, found 31");
    ConfigLeafProof wrongKey =
        new ConfigLeafProof(
            ConfigKeys.appCodeHash("shop"), new byte[32], new InclusionProof(0, 1, List.of()));
    // Well-formed but for the wrong leaf: decoding succeeds, verification (RaTlsVerifierTest)
    // refuses.
    assertThat(
            RaTlsExtensions.read(crafted().set(RaTlsOids.MERKLE_PROOF, wrongKey.toDer()).build())
                .leafProof()
                .orElseThrow()
                .key())
        .isEqualTo("apps/shop/code-hash");
  }

  private static byte[] seq(ASN1Encodable... items) throws Exception {
    return new DERSequence(items).getEncoded();
  }

  private static ASN1Encodable entry(String name, byte[] hash) {
    return new DERSequence(
        new ASN1Encodable[] {
          new DERUTF8String(name),
          new DERUTF8String("/" + name),
          new DERUTF8String(name + ".test"),
          new DEROctetString(hash),
          new DERSequence()
        });
  }
}
