/**
 * The AspectJ front door: {@link io.batchtrack.aspectj.TrackedBatchAspect} advises the execution of
 * every {@code @TrackedBatch} method, through the same lifecycle as the Java agent and
 * {@code BatchTracker}, so every front door writes the same rows.
 *
 * <p>Two artifacts, on purpose. {@code io.batchtrack:tracker-aspectj} is the aspect library for
 * compile-time weaving (aspectj-maven-plugin's {@code <aspectLibraries>}) and carries no
 * {@code META-INF/aop.xml}: a program woven at build time that also runs a load-time weaver for its own
 * aspects must not have its methods advised a second time. {@code io.batchtrack:tracker-aspectj:ltw}
 * is the same classes plus {@code META-INF/aop.xml} declaring the aspect, for
 * {@code -javaagent:aspectjweaver.jar}. Neither is part of {@code tracker-agent.jar}: a jar given to
 * {@code -javaagent} joins the system class path, where a weaver would find its {@code aop.xml} and
 * weave every tracked method twice (once by Byte Buddy, once by AspectJ).
 *
 * <p>The aspect is compiled by ajc (an aspect compiled by javac lacks the {@code aspectOf()} that
 * compile-time woven code calls); {@code aspectjrt} is the application's.
 */
package io.batchtrack.aspectj;
