/**
 * Deploying, redeploying, undeploying and restoring apps: the one door through which the set of
 * running apps, the Config Merkle tree, the certificates and the store change together.
 */
package io.cloister.enclave.deploy;
