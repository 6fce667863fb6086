package io.batchtrack.internal.weaving;

import io.batchtrack.NflCalendar;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.SeasonType;
import io.batchtrack.TrackedBatch;
import io.batchtrack.Trigger;
import io.batchtrack.spi.DeclaredSchedule;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Clock;

/**
 * One {@code @TrackedBatch} method as the engine sees it: what its {@link TrackedBatch} annotation and the
 * types of its parameters say, and how the arguments of one call become that call's
 * {@link RunSpec}. Built once per method (reflection happens here, never per call) and shared by
 * every front door, so the agent, the aspect and any future weaver resolve specs identically.
 */
public final class TrackedMethod {
    private final String member;
    private final String batchType;
    private final String fixedMode;
    private final AsyncReturn asyncReturn;
    private final boolean exclusive;
    private final boolean returnsVoid;
    private final int periodArg;
    private final int yearArg;
    private final int weekArg;
    private final int seasonArg;
    private final int modeArg;
    private final String problem;
    private final DeclaredSchedule schedule; // null: the annotation declares none
    private final Method suspendFunction; // null unless a Kotlin suspend function (SuspendCalls)
    private final ClassLoader loader; // the declaring class's: held by that class's ClassValue entry, no leak

    private TrackedMethod(Method method, TrackedBatch annotation) {
        this.loader = method.getDeclaringClass().getClassLoader();
        this.member = method.getDeclaringClass().getName() + "." + method.getName();
        this.batchType = annotation.type();
        this.fixedMode = annotation.mode();
        this.asyncReturn = AsyncReturn.of(method);
        this.suspendFunction = SuspendCalls.isSuspend(method) ? method : null;
        this.exclusive = annotation.exclusive();
        this.returnsVoid = method.getReturnType() == void.class;
        int period = -1, year = -1, week = -1, season = -1, mode = -1;
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] params = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (period < 0 && types[i] == Period.class) {
                period = i;
            }
            for (Annotation a : params[i]) {
                Class<? extends Annotation> t = a.annotationType();
                if (t == TrackedBatch.SeasonYear.class) {
                    year = i;
                } else if (t == TrackedBatch.Week.class) {
                    week = i;
                } else if (t == TrackedBatch.Season.class) {
                    season = i;
                } else if (t == TrackedBatch.Mode.class) {
                    mode = i;
                }
            }
        }
        this.problem = typeProblem(types, year, week, season, mode);
        this.periodArg = period;
        this.yearArg = year;
        this.weekArg = week;
        this.seasonArg = season;
        this.modeArg = mode;
        this.schedule = annotation.schedule().isBlank() ? null : new DeclaredSchedule(batchType,
                mode >= 0 || fixedMode.isEmpty() ? null : fixedMode, annotation.schedule().trim(),
                annotation.zone().trim(), annotation.grace().trim(), annotation.maxDuration().trim(), member);
    }

    private String typeProblem(Class<?>[] types, int year, int week, int season, int mode) {
        if (mode >= 0 && types[mode] != String.class) {
            return badType("@TrackedBatch.Mode", mode, types, "a String");
        }
        if (year >= 0 && !isWholeNumber(types[year])) {
            return badType("@TrackedBatch.SeasonYear", year, types, "an int, long, Integer or Long");
        }
        if (week >= 0 && !isWholeNumber(types[week])) {
            return badType("@TrackedBatch.Week", week, types, "an int, long, Integer or Long");
        }
        if (season >= 0 && types[season] != SeasonType.class && types[season] != String.class) {
            return badType("@TrackedBatch.Season", season, types, "a SeasonType or a String");
        }
        return null;
    }

    private String badType(String annotation, int index, Class<?>[] types, String expected) {
        return annotation + " parameter " + index + " of " + member + " is a " + types[index].getSimpleName()
                + ", not " + expected;
    }

    private static boolean isWholeNumber(Class<?> t) {
        return t == int.class || t == long.class || t == short.class || t == Integer.class || t == Long.class
                || t == Short.class;
    }

    /**
     * Why calls of this method cannot be tracked whatever their arguments (a parameter annotation on
     * a parameter of the wrong type), or null. Front doors log it once when they weave the method.
     */
    public String problem() {
        return problem;
    }

    /** The expected schedule the annotation declares ({@link TrackedBatch#schedule()}), or null. */
    public DeclaredSchedule schedule() {
        return schedule;
    }

    /** The tracked method {@code method} is, or null if it carries no {@link TrackedBatch}. */
    public static TrackedMethod of(Method method) {
        TrackedBatch a = method.getAnnotation(TrackedBatch.class);
        return a == null ? null : new TrackedMethod(method, a);
    }

    /**
     * Whether the method's declared return type is asynchronous and supported ({@link AsyncReturn}):
     * its run ends when the result completes, not when the method returns.
     */
    public boolean async() {
        return asyncReturn.async();
    }

    /** What the declared return type says about when the run ends. */
    public AsyncReturn asyncReturn() {
        return asyncReturn;
    }

    /** The method if it is a Kotlin suspend function (see {@link SuspendCalls}), else null. */
    public Method suspendFunction() {
        return suspendFunction;
    }

    /**
     * Whether a call may be skipped when its exclusive run loses ({@code on-conflict=skip}): only a
     * {@code void} method, because skipping any other would mean making up its result.
     */
    public boolean skippable() {
        return returnsVoid;
    }

    /** The declaring class's loader (null: the bootstrap loader); its readiness probe refreshes the run's week. */
    public ClassLoader loader() {
        return loader;
    }

    /** {@code declaring.Class.method}, for log lines. */
    public String member() {
        return member;
    }

    /**
     * The spec of one call.
     *
     * @param trigger the engine's trigger
     * @param clock the engine's clock, which tells the current NFL week of a method without a week argument
     * @throws IllegalArgumentException naming the argument or annotation value that breaks a rule
     */
    public RunSpec resolve(Object[] args, Trigger trigger, Clock clock) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Period period = period(args, clock);
        String mode = modeArg >= 0 ? (String) arg(args, modeArg, "@TrackedBatch.Mode") : fixedMode;
        return new RunSpec(batchType, mode, period, trigger, exclusive);
    }

    private Period period(Object[] args, Clock clock) {
        if (periodArg >= 0) {
            Object p = arg(args, periodArg, "Period");
            if (p == null) {
                throw new IllegalArgumentException("the Period argument of " + member + " is null");
            }
            return (Period) p;
        }
        if (yearArg < 0 && weekArg < 0 && seasonArg < 0) {
            return NflCalendar.current(clock);
        }
        if (weekArg < 0) {
            throw new IllegalArgumentException(member + " names a season but no @TrackedBatch.Week argument");
        }
        int week = number(args, weekArg, "@TrackedBatch.Week");
        int year = yearArg >= 0 ? number(args, yearArg, "@TrackedBatch.SeasonYear")
                : NflCalendar.current(clock).seasonYear();
        SeasonType type = SeasonType.REG;
        if (seasonArg >= 0) {
            Object s = arg(args, seasonArg, "@TrackedBatch.Season");
            type = s instanceof SeasonType st ? st : SeasonType.fromCode(s == null ? null : s.toString());
        }
        return new Period(year, week, type);
    }

    private int number(Object[] args, int index, String what) {
        Object v = arg(args, index, what);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("the " + what + " argument of " + member + " is "
                    + (v == null ? "null" : "a " + v.getClass().getSimpleName()) + ", not a number");
        }
        long l = n.longValue();
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + what + " argument of " + member + " is out of range: " + l);
        }
        return (int) l;
    }

    private static Object arg(Object[] args, int index, String what) {
        return args != null && index < args.length ? args[index] : null;
    }
}
