package app.suspending

import io.batchtrack.Tracker
import io.batchtrack.TrackedBatch
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.yield
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext

/**
 * Woven @TrackedBatch suspend functions (SuspendFunctionIT): real kotlinc output, so each is
 * f(..., Continuation): Object whose state machine calls f again on every resumption.
 * Prints key=value lines; "NAME.thread.N" names the thread a step ran on.
 */
object Jobs {
    /** Suspends three times, on Dispatchers.IO, Dispatchers.Default and after a delay, then throws. */
    @TrackedBatch(type = "suspend_failing")
    suspend fun failing(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int): Int {
        withContext(Dispatchers.IO) { delay(100) }
        withContext(Dispatchers.Default) { delay(100) }
        delay(100)
        throw IllegalStateException("feed down")
    }

    /** Counts before its first suspension and after each of three, wherever it resumed; returns its result. */
    @TrackedBatch(type = "suspend_counted")
    suspend fun counted(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int): String {
        Tracker.current().increment("games_processed", 16)
        withContext(Dispatchers.IO) {
            delay(50)
            Tracker.current().increment("api_calls_made", 1)
            println("counted.io.thread=" + Thread.currentThread().name)
        }
        withContext(Dispatchers.Default) {
            delay(50)
            Tracker.current().increment("api_calls_made", 1)
            println("counted.default.thread=" + Thread.currentThread().name)
        }
        delay(50)
        Tracker.current().increment("api_calls_made", 1)
        // structured concurrency: children count into this run
        coroutineScope {
            (1..4).map { async(Dispatchers.Default) { delay(10); Tracker.current().increment("odds_synced", 1) } }
                .awaitAll()
        }
        return "week $week done"
    }

    /** Calls [inner] after a suspension on another dispatcher: inner's run is a child of this one. */
    @TrackedBatch(type = "suspend_outer")
    suspend fun outer(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int): String {
        println("outer.id=" + Tracker.current().runId().map { it.toString() }.orElse("none"))
        withContext(Dispatchers.IO) { delay(20) }
        return inner(season, week) + " in outer"
    }

    @TrackedBatch(type = "suspend_inner")
    suspend fun inner(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int): String {
        delay(20)
        println("inner.id=" + Tracker.current().runId().map { it.toString() }.orElse("none"))
        return "inner"
    }

    /** One of many concurrent runs: counts 3 * n in three steps, suspending between them. */
    @TrackedBatch(type = "suspend_many")
    suspend fun many(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int,
                     @TrackedBatch.Mode mode: String, n: Int) {
        Tracker.current().increment("games_processed", n.toLong())
        yield()
        Tracker.current().increment("games_processed", n.toLong())
        delay(1)
        Tracker.current().increment("games_processed", n.toLong())
    }

    /** Never suspends: returns its result at once, like a plain method. */
    @TrackedBatch(type = "suspend_direct")
    suspend fun direct(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int): Int {
        Tracker.current().increment("games_processed", 2)
        return week * 2
    }
}

fun main() {
    runBlocking {
        try {
            println("failing.result=" + Jobs.failing(2024, 7))
        } catch (e: IllegalStateException) {
            println("failing.threw=" + e.message)
        }
        println("counted.result=" + Jobs.counted(2024, 8))
        println("direct.result=" + Jobs.direct(2024, 9))
        println("outer.result=" + Jobs.outer(2024, 10))
        // 1,000 tracked coroutines and 1,000 untracked ones interleaved on two threads
        val shared = Dispatchers.Default.limitedParallelism(2)
        val leaks = AtomicInteger()
        coroutineScope {
            for (n in 1..1000) {
                launch(shared) { Jobs.many(2024, 11, "m$n", n) }
                launch(shared) {
                    yield()
                    if (Tracker.current().runId().isPresent) leaks.incrementAndGet()
                }
            }
        }
        println("many.leaks=" + leaks.get())
        println("after.current=" + Tracker.current().runId().isPresent)
    }
    println("done=true")
}
