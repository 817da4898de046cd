package io.cloister.attestation.freshness;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Client nonces of the freshness challenge: 16 to 64 bytes, sent as lower- or upper-case hex in the
 * {@code nonce} query parameter of {@link #PATH}.
 */
public final class Nonces {

  /** Where an enclave serves the challenge: {@code GET PATH?nonce=HEX}. */
  public static final String PATH = "/.well-known/cloister/attestation";

  /** Smallest nonce accepted. */
  public static final int MIN_SIZE = 16;

  /** Largest nonce accepted. */
  public static final int MAX_SIZE = 64;

  /** Size of the nonces {@link #random()} makes. */
  public static final int DEFAULT_SIZE = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Nonces() {}

  /** A fresh random nonce. */
  public static byte[] random() {
    byte[] nonce = new byte[DEFAULT_SIZE];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  /** Parses the {@code nonce} query parameter. */
  public static byte[] parse(String hex) throws FreshnessException {
    if (hex == null || hex.isEmpty()) {
      throw new FreshnessException("query parameter 'nonce' is missing");
    }
    if (hex.length() > 2 * MAX_SIZE) {
      throw new FreshnessException(
          "nonce has " + hex.length() + " hex digits, at most " + 2 * MAX_SIZE);
    }
    byte[] nonce;
    try {
      nonce = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new FreshnessException("nonce is not hex: " + e.getMessage());
    }
    try {
      return check(nonce);
    } catch (IllegalArgumentException e) {
      throw new FreshnessException(e.getMessage());
    }
  }

  static byte[] check(byte[] nonce) {
    if (nonce.length < MIN_SIZE || nonce.length > MAX_SIZE) {
      throw new IllegalArgumentException(
          "nonce is " + nonce.length + " bytes, expected " + MIN_SIZE + ".." + MAX_SIZE);
    }
    return nonce;
  }
}
