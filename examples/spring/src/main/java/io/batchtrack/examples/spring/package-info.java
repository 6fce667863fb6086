/**
 * The Spring example: a Spring Boot application whose Spring Batch job and scheduled bean method
 * batchtrack's starter tracks (see {@link io.batchtrack.examples.spring.SpringExample}).
 */
package io.batchtrack.examples.spring;
