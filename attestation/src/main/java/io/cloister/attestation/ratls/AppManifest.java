package io.cloister.attestation.ratls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * The list of every app an enclave hosts, carried by its own certificate under {@link
 * RaTlsOids#APP_MANIFEST}:
 *
 * <pre>
 * AppManifest ::= SEQUENCE {
 *   version  INTEGER (1),
 *   apps     SEQUENCE OF AppEntry }           -- sorted by name, names unique
 * AppEntry ::= SEQUENCE {
 *   name         UTF8String,
 *   routePrefix  UTF8String,
 *   hostname     UTF8String,
 *   codeHash     OCTET STRING (SIZE (32)),
 *   capabilities SEQUENCE OF UTF8String }     -- sorted, unique
 * </pre>
 */
public record AppManifest(List<AppDescriptor> apps) {

  /** The only version this code writes and reads. */
  public static final int VERSION = 1;

  /** Sorts by name and refuses duplicate names. */
  public AppManifest {
    apps = apps.stream().sorted(Comparator.comparing(AppDescriptor::name)).toList();
    Set<String> names = new HashSet<>();
    for (AppDescriptor app : apps) {
      if (!names.add(app.name())) {
        throw new IllegalArgumentException("app '" + app.name() + "' is listed twice");
      }
    }
  }

  /** The DER encoding. */
  public byte[] toDer() {
    ASN1EncodableVector entries = new ASN1EncodableVector();
    for (AppDescriptor app : apps) {
      ASN1EncodableVector caps = new ASN1EncodableVector();
      app.capabilities().forEach(c -> caps.add(new DERUTF8String(c)));
      entries.add(
          new DERSequence(
              new ASN1Encodable[] {
                new DERUTF8String(app.name()),
                new DERUTF8String(app.routePrefix()),
                new DERUTF8String(app.hostname()),
                new DEROctetString(app.codeHash()),
                new DERSequence(caps)
              }));
    }
    try {
      return new DERSequence(
              new ASN1Encodable[] {new ASN1Integer(VERSION), new DERSequence(entries)})
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a manifest, refusing anything but the exact DER form above. */
  public static AppManifest fromDer(byte[] der) throws MalformedExtensionException {
    DerDecoder d = new DerDecoder(RaTlsOids.APP_MANIFEST);
    ASN1Sequence top = d.sequence(d.parse(der), "AppManifest", 2);
    long version = d.nonNegativeInt(top.getObjectAt(0), "AppManifest.version", Integer.MAX_VALUE);
    if (version != VERSION) {
      throw d.error("AppManifest.version: unsupported version " + version + " (expected 1)");
    }
    ASN1Sequence list = d.sequence(top.getObjectAt(1), "AppManifest.apps", -1);
    List<AppDescriptor> apps = new ArrayList<>(list.size());
    String previous = null;
    for (int i = 0; i < list.size(); i++) {
      String where = "AppManifest.apps[" + i + "]";
      ASN1Sequence e = d.sequence(list.getObjectAt(i), where, 5);
      String name = d.utf8(e.getObjectAt(0), where + ".name");
      if (previous != null && previous.compareTo(name) >= 0) {
        throw d.error(where + ".name: '" + name + "' is not sorted after '" + previous + "'");
      }
      previous = name;
      ASN1Sequence capSeq = d.sequence(e.getObjectAt(4), where + ".capabilities", -1);
      List<String> caps = new ArrayList<>(capSeq.size());
      for (int c = 0; c < capSeq.size(); c++) {
        caps.add(d.utf8(capSeq.getObjectAt(c), where + ".capabilities[" + c + "]"));
      }
      if (!caps.equals(caps.stream().sorted().distinct().toList())) {
        throw d.error(where + ".capabilities: not sorted or not unique");
      }
      try {
        apps.add(
            new AppDescriptor(
                name,
                d.utf8(e.getObjectAt(1), where + ".routePrefix"),
                d.utf8(e.getObjectAt(2), where + ".hostname"),
                d.octets(e.getObjectAt(3), where + ".codeHash", 32),
                caps));
      } catch (IllegalArgumentException invalid) {
        throw d.error(where + ": " + invalid.getMessage());
      }
    }
    return new AppManifest(apps);
  }
}
