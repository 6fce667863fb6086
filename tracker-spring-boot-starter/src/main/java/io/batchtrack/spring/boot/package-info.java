/**
 * The Spring Boot starter: {@link io.batchtrack.spring.boot.BatchtrackAutoConfiguration} binds
 * {@code batchtrack.*}, builds the engine over the application's DataSource and tracks
 * {@code @TrackedBatch} bean methods through Spring AOP.
 */
package io.batchtrack.spring.boot;
