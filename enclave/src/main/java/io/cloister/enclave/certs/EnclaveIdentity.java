package io.cloister.enclave.certs;

import io.cloister.attestation.attester.AttestationException;
import io.cloister.attestation.attester.Attester;
import io.cloister.attestation.quote.EnclaveReport;
import io.cloister.attestation.quote.QuoteFormatException;
import io.cloister.attestation.quote.SgxQuote;
import java.util.HexFormat;

/**
 * Who the enclave is, as its own quote says: MRENCLAVE and MRSIGNER, read from a quote the
 * attester makes at start, and whether that attester is simulated.
 *
 * @param attester {@code simulated} or {@code gramine}
 */
public record EnclaveIdentity(String attester, boolean simulated, byte[] mrEnclave, byte[] mrSigner) {

  /** Copies. */
  public EnclaveIdentity {
    mrEnclave = mrEnclave.clone();
    mrSigner = mrSigner.clone();
  }

  /** The identity {@code attester}'s quotes carry. */
  public static EnclaveIdentity of(String name, Attester attester) throws AttestationException {
    byte[] quote = attester.quote(new byte[64]);
    EnclaveReport body;
    try {
      body = SgxQuote.parse(quote).reportBody();
    } catch (QuoteFormatException e) {
      throw new AttestationException("the attester's own quote does not parse: " + e.getMessage(), e);
    }
    return new EnclaveIdentity(name, attester.simulated(), body.mrEnclave(), body.mrSigner());
  }

  @Override
  public byte[] mrEnclave() {
    return mrEnclave.clone();
  }

  @Override
  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  /** MRENCLAVE in hex. */
  public String mrEnclaveHex() {
    return HexFormat.of().formatHex(mrEnclave);
  }

  /** MRSIGNER in hex. */
  public String mrSignerHex() {
    return HexFormat.of().formatHex(mrSigner);
  }
}
