/** Each app's log: kept in a bounded ring, printed on the host, streamed to subscribers. */
package io.cloister.enclave.logs;
