/**
 * The deployment log (ARCHITECTURE "Deployment log"): every deploy, redeploy and undeploy the
 * enclave ever ran, as an RFC 9162 Merkle log kept on the host with a chained MAC under a sealed
 * key, so that a truncated or rewritten log is caught when the enclave starts.
 */
package io.cloister.enclave.history;
