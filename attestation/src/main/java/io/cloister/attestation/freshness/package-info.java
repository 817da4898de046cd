/**
 * The nonce freshness challenge: a client sends a nonce, the enclave answers with a fresh quote
 * whose report data binds the nonce to the key of the TLS connection and to the Merkle root.
 */
package io.cloister.attestation.freshness;
