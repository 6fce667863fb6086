/**
 * The agent's implementation; not an API. Start at {@link io.batchtrack.agent.internal.AgentInstaller}
 * (premain after the bootstrap step), {@link io.batchtrack.agent.internal.TrackedBatchTransformer}
 * (what is woven and when) and {@link io.batchtrack.agent.internal.ByteBuddyWeaver} (how).
 */
package io.batchtrack.agent.internal;
