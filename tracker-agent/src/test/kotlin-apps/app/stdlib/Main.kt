package app.stdlib

import io.batchtrack.TrackedBatch
import java.util.concurrent.CountDownLatch
import kotlin.concurrent.thread
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.resume
import kotlin.coroutines.startCoroutine
import kotlin.coroutines.suspendCoroutine

/**
 * A woven suspend function with the standard library alone, no kotlinx-coroutines (SuspendFunctionIT):
 * it suspends twice, resumed each time from a thread of its own, then throws.
 */
object Jobs {
    @TrackedBatch(type = "stdlib_failing")
    suspend fun failing(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int): Int {
        later(100)
        later(100)
        throw IllegalStateException("feed down")
    }

    private suspend fun later(millis: Long) = suspendCoroutine<Unit> { c ->
        thread { Thread.sleep(millis); c.resume(Unit) }
    }
}

fun main() {
    val done = CountDownLatch(1)
    suspend { Jobs.failing(2024, 5) }.startCoroutine(Continuation(EmptyCoroutineContext) { result ->
        println("failing.threw=" + result.exceptionOrNull()?.message)
        done.countDown()
    })
    done.await()
    println("done=true")
}
