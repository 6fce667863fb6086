package kotlin.coroutines;

/**
 * Compile-only (SuspendWrappingFailureIT): suspendfault's Continuation is compiled against it, and the
 * application runs without it, so that reading that Continuation's methods throws NoClassDefFoundError.
 */
public interface CoroutineContext {}
