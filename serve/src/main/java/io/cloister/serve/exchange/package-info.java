/** One HTTP exchange mapped onto a guest's incoming handler, under a deadline. */
package io.cloister.serve.exchange;
