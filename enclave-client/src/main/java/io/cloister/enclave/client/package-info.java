/** {@link io.cloister.enclave.client.EnclaveClient}: the Java client of the management API. */
package io.cloister.enclave.client;
