package app.suspending

import io.batchtrack.Tracker
import io.batchtrack.TrackedBatch
import kotlinx.coroutines.Dispatchers
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

    /** Counts before its first suspension and returns its result after three. */
    @TrackedBatch(type = "suspend_counted")
    suspend fun counted(@TrackedBatch.SeasonYear season: Int, @TrackedBatch.Week week: Int): String {
        Tracker.current().increment("games_processed", 16)
        withContext(Dispatchers.IO) { delay(50) }
        withContext(Dispatchers.Default) { delay(50) }
        delay(50)
        return "week $week done"
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
    }
    println("done=true")
}
