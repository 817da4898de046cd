/**
 * The enclave's management protocol (ARCHITECTURE "Management protocol"): paths, the deployment
 * spec, the answers, problem details, and the naming rules both sides check.
 */
package io.cloister.enclave.protocol;
