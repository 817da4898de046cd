/**
 * The enclave runtime process (the "Enclave OS Mini" role): it hosts many apps, takes deployments
 * over an attested management channel and serves every app with its own RA-TLS certificate.
 */
package io.cloister.enclave;
