package io.cloister.attestation.attester;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Obtains quotes from SGX hardware through Gramine's pseudo-filesystem: writing 64 bytes to {@code
 * user_report_data} makes Gramine's quoting enclave produce a quote, read from {@code quote}.
 */
public final class GramineAttester implements Attester {
  /** Gramine's attestation directory inside an SGX enclave. */
  public static final Path DEFAULT_DIRECTORY = Path.of("/dev/attestation");

  private final Path directory;

  /** An attester over {@link #DEFAULT_DIRECTORY}. */
  public GramineAttester() {
    this(DEFAULT_DIRECTORY);
  }

  /** An attester over another directory that behaves like {@code /dev/attestation}. */
  public GramineAttester(Path directory) {
    this.directory = directory;
  }

  /** Whether a Gramine attestation interface is present at the directory. */
  public boolean available() {
    return Files.isWritable(directory.resolve("user_report_data"))
        && Files.isReadable(directory.resolve("quote"));
  }

  @Override
  public synchronized byte[] quote(byte[] reportData) throws AttestationException {
    byte[] data = Attester.checkReportData(reportData);
    // Gramine's attestation files are per-process state: the write and the read must not
    // interleave.
    try {
      Files.write(directory.resolve("user_report_data"), data);
      byte[] quote = Files.readAllBytes(directory.resolve("quote"));
      if (quote.length == 0) {
        throw new AttestationException("Gramine returned an empty quote from " + directory);
      }
      return quote;
    } catch (IOException e) {
      throw new AttestationException("cannot obtain a quote through " + directory, e);
    }
  }

  @Override
  public boolean simulated() {
    return false;
  }
}
