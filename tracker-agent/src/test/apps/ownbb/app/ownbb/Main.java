package app.ownbb;

import io.batchtrack.Tracker;
import io.batchtrack.TrackedBatch;
import java.io.File;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/** An application that brings and uses its own Byte Buddy, with a tracked method that uses it too. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        System.out.println("bytebuddy.jar="
                + new File(ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getName());
        System.out.println("made=" + make("made at startup"));
        System.out.println("tracked.result=" + tracked());
    }

    @TrackedBatch(type = "own_bytebuddy")
    static String tracked() throws Exception {
        System.out.println("track.tracked.inside=" + Tracker.current().runId().map(Object::toString).orElse("none"));
        Tracker.current().increment("games_processed", 1);
        return make("made in a tracked method");
    }

    static String make(String text) throws Exception {
        return new ByteBuddy(ClassFileVersion.JAVA_V8).subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value(text))
                .make().load(Main.class.getClassLoader()).getLoaded().getConstructor().newInstance().toString();
    }
}
