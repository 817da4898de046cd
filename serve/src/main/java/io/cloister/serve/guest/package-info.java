/** Guest instances of one app and the policy that decides when they are created and reused. */
package io.cloister.serve.guest;
