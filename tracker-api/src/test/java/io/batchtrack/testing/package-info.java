/**
 * Test helpers for stores and for the engine, published as tracker-api's test-jar (this package
 * only) so that other modules' tests use them too: {@link io.batchtrack.testing.RunStoreContract},
 * what every {@code RunStore} must do, as an abstract JUnit 5 class a store's test extends;
 * {@link io.batchtrack.testing.InMemoryRunStore}, a store that keeps that contract in memory;
 * {@link io.batchtrack.testing.ScriptedStore}, which records every call and can be made to fail,
 * stall, lose its database or lose exclusive starts on demand; {@link io.batchtrack.testing.Poll},
 * waiting for a condition with a deadline. They live here, not in tracker-test-support, because
 * tracker-api's own tests use them and tracker-test-support would then depend on tracker-api and be
 * needed by it: a cycle Maven refuses.
 */
package io.batchtrack.testing;
