package io.cloister.attestation.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * ECDSA over NIST P-256 with SHA-256 in the encodings DCAP uses: raw public keys (x‖y, 64 bytes)
 * and raw signatures (r‖s, 64 bytes, IEEE P1363).
 */
public final class P256 {
  private static final String RAW_SIGNATURE = "SHA256withECDSAinP1363Format";
  private static final ECParameterSpec PARAMS = params();

  private P256() {}

  private static ECParameterSpec params() {
    try {
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec("secp256r1"));
      return p.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks P-256", e);
    }
  }

  /** A fresh P-256 key pair. */
  public static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks P-256", e);
    }
  }

  /** Decodes a raw 64-byte public key; fails if the point is not on the curve. */
  public static ECPublicKey publicKey(byte[] raw) throws GeneralSecurityException {
    if (raw.length != 64) {
      throw new InvalidKeyException("a raw P-256 key has 64 bytes, not " + raw.length);
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
    BigInteger p = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
    // y^2 = x^3 + ax + b (mod p): refuse points off the curve before any use.
    BigInteger lhs = y.multiply(y).mod(p);
    BigInteger rhs =
        x.pow(3).add(PARAMS.getCurve().getA().multiply(x)).add(PARAMS.getCurve().getB()).mod(p);
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0 || !lhs.equals(rhs)) {
      throw new InvalidKeyException("point is not on P-256");
    }
    return (ECPublicKey)
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
  }

  /** Encodes a P-256 public key as raw x‖y. */
  public static byte[] raw(PublicKey key) {
    ECPoint w = ((ECPublicKey) key).getW();
    byte[] out = new byte[64];
    copy32(w.getAffineX(), out, 0);
    copy32(w.getAffineY(), out, 32);
    return out;
  }

  private static void copy32(BigInteger v, byte[] out, int off) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, off + 32 - n, n);
  }

  /** Signs with SHA-256 and returns r‖s. */
  public static byte[] sign(PrivateKey key, byte[] data) {
    try {
      Signature s = Signature.getInstance(RAW_SIGNATURE);
      s.initSign(key);
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with a P-256 key failed", e);
    }
  }

  /** Verifies an r‖s signature; false for any malformed input. */
  public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(RAW_SIGNATURE);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** SHA-256 of the concatenation of the parts. */
  public static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
