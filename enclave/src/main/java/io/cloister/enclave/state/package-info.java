/**
 * What the enclave keeps across restarts: its deployments and their artifacts, behind {@link
 * io.cloister.enclave.state.EnclaveStore} (a directory today; sealed storage in the next issue).
 */
package io.cloister.enclave.state;
