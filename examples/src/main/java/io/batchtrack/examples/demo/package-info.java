/**
 * The one-command demo: {@link io.batchtrack.examples.demo.Demo} forks the NFL batches under the
 * agent against a real PostgreSQL and prints the audit tables. Design in {@code examples/DEMO-PLAN.md}.
 */
package io.batchtrack.examples.demo;
