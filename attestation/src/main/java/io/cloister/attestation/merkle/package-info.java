/**
 * The Config Merkle tree: an RFC 9162 §2.1 binary hash tree over the enclave's configuration
 * (runtime measurement, every app's code hash, route prefix, hostname, capabilities), with
 * inclusion proofs a client can check knowing only the root.
 */
package io.cloister.attestation.merkle;
