/**
 * Verifying an enclave from its address alone: the RA-TLS handshake and freshness challenge
 * ({@link io.cloister.attestation.probe.RaTlsProbe}), and the collateral the enclave offers
 * ({@link io.cloister.attestation.probe.OfferedAppraiser}). Shared by the CLI, the enclave client
 * and the platform.
 */
package io.cloister.attestation.probe;
