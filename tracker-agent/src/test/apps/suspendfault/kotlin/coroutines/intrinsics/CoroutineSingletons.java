package kotlin.coroutines.intrinsics;

/** Stands in for Kotlin's suspension marker (SuspendWrappingFailureIT). */
public enum CoroutineSingletons {
    COROUTINE_SUSPENDED
}
