/** Issuing the enclave's RA-TLS certificates from its configuration, and swapping them in. */
package io.cloister.enclave.certs;
