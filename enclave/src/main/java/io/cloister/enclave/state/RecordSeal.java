package io.cloister.enclave.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what the enclave keeps about one app on the host (its deployment record: environment
 * variables, which may be secrets, and configuration): AES-256-GCM under a key derived from the
 * sealing key, a random 96-bit nonce per write, and the app's name as associated data, so the
 * host can neither read a record nor move one to another app undetected.
 */
public final class RecordSeal {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /** Seals with {@code key} (32 bytes, {@code SealingKey.derive("deployment-records/aead")}). */
  public RecordSeal(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key, got " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** {@code nonce ‖ ciphertext ‖ tag} of {@code plaintext}, bound to the app {@code name}. */
  public byte[] seal(String name, byte[] plaintext) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad(name));
      byte[] sealed = c.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  /**
   * The plaintext of {@code sealed}, a record of the app {@code name}.
   *
   * @throws EnclaveStoreException if it was altered, truncated, sealed under another key, or is
   *     another app's record
   */
  public byte[] open(String name, byte[] sealed) throws EnclaveStoreException {
    if (sealed.length < NONCE + TAG_BITS / 8) {
      throw new EnclaveStoreException(
          "the sealed record of " + name + " is " + sealed.length + " bytes: truncated on the host");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      c.updateAAD(aad(name));
      return c.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (AEADBadTagException e) {
      throw new EnclaveStoreException(
          "the sealed record of " + name + " does not authenticate: altered on the host, another"
              + " app's record, or sealed by another enclave",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  private static byte[] aad(String name) {
    return ("cloister deployment record v1\0" + name).getBytes(StandardCharsets.UTF_8);
  }
}
