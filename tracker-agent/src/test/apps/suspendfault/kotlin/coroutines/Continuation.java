package kotlin.coroutines;

/**
 * Stands in for Kotlin's Continuation (SuspendWrappingFailureIT), with the same name, so that the
 * methods taking it look like compiled suspend functions; its getContext() returns a type that is
 * absent at run time, so batchtrack's continuation wrapper cannot be built (a NoClassDefFoundError).
 */
public interface Continuation<T> {
    CoroutineContext getContext();

    void resumeWith(Object result);
}
