/**
 * The routes the enclave answers itself on the app listener: attestation under {@code
 * /.well-known/cloister/}, health and readiness, metrics.
 */
package io.cloister.enclave.route;
