/** JMH benchmarks of Cloister's hot paths; figures in {@code docs/benchmarks.md}. */
package io.cloister.bench;
