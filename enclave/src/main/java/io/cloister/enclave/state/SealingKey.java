package io.cloister.enclave.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The enclave's sealing secret, from which every key it seals or authenticates its host-side data
 * with is derived (HKDF-SHA256, one key per purpose). Under Gramine it is SGX's MRSIGNER-bound
 * sealing key, so that an upgraded build from the same signer keeps its data (ADR 0013); a
 * simulated enclave keeps a random secret in its data directory, which protects nothing from the
 * host.
 */
public final class SealingKey {
  /** The simulated enclave's secret, in the data directory. */
  public static final String SIMULATED_FILE = "sealing.key";

  /** Gramine's MRSIGNER-bound SGX sealing key, under {@code /dev/attestation/keys/}. */
  public static final String GRAMINE_MRSIGNER_KEY = "_sgx_mrsigner";

  private final byte[] secret;
  private final String source;

  private SealingKey(byte[] secret, String source) {
    this.secret = secret;
    this.source = source;
  }

  /** A simulated enclave's secret: {@code dataDir/sealing.key}, made on first use, mode 0600. */
  public static SealingKey simulated(Path dataDir) throws IOException {
    SecretFile f = SecretFile.readOrCreate(dataDir.resolve(SIMULATED_FILE), 32);
    return new SealingKey(
        f.value().getBytes(StandardCharsets.US_ASCII), "simulated (" + f.file() + ": no protection)");
  }

  /**
   * The SGX sealing key Gramine offers in {@code keysDir} ({@code /dev/attestation/keys}): 16 bytes,
   * derived by the CPU from MRSIGNER.
   *
   * @throws IOException if it cannot be read or is not 16 bytes
   */
  public static SealingKey gramine(Path keysDir) throws IOException {
    Path file = keysDir.resolve(GRAMINE_MRSIGNER_KEY);
    byte[] key = Files.readAllBytes(file);
    if (key.length != 16) {
      throw new IOException(file + " holds " + key.length + " bytes, not the 16 of an SGX sealing key");
    }
    return new SealingKey(key, "SGX sealing key bound to MRSIGNER (" + file + ")");
  }

  /** Where the secret comes from, for the start-up banner and logs. */
  public String source() {
    return source;
  }

  /** The 32-byte key for {@code purpose} ({@code deployment-log/mac}, ...). */
  public byte[] derive(String purpose) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(
        new HKDFParameters(
            secret, null, ("cloister sealing v1: " + purpose).getBytes(StandardCharsets.UTF_8)));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }
}
