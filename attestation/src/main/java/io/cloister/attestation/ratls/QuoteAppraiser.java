package io.cloister.attestation.ratls;

/**
 * Appraises a DCAP quote under a policy: signature, certification chain, collateral, TCB status,
 * and whether simulated quotes are acceptable. RA-TLS verification delegates the quote to it.
 */
@FunctionalInterface
public interface QuoteAppraiser {

  /** The verdict on {@code quote}; never throws for bad input, it returns a rejection. */
  QuoteAppraisal appraise(byte[] quote);
}
