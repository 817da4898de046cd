/**
 * The management API (docs/enclave.md): HTTPS on its own port with the enclave's RA-TLS
 * certificate, every request authenticated by the manager token before its body is read.
 */
package io.cloister.enclave.manage;
