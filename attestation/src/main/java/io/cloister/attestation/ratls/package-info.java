/**
 * RA-TLS certificates: issuing self-signed certificates that carry a DCAP quote, the Config Merkle
 * root and app identities; parsing and verifying them; JSSE key and trust managers; the nonce
 * freshness challenge. Encodings are specified in {@code docs/attestation.md}.
 */
package io.cloister.attestation.ratls;
