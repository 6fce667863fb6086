package io.batchtrack.agent.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the advice parameter that receives the woven method's {@code TrackedMethod}; bound by
 * {@link TrackedMethodSite} to an {@code invokedynamic} that links once per call site.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface TrackedMethodOf {}
