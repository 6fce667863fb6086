package io.batchtrack.agent.internal;

import io.batchtrack.internal.weaving.SuspendCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.batchtrack.internal.weaving.AsyncReturn;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves with Byte Buddy: describes the class from its bytes (a type pool, so nothing is loaded,
 * the annotation class included: methods are matched by the annotation's name), picks the methods
 * carrying {@code @TrackedBatch}, and inlines {@link TrackedBatchAdvice} around each, leaving every
 * other byte of the class as it was ({@code decorate}, not a rebuild of the class).
 */
final class ByteBuddyWeaver implements ClassWeaver {
    private static final String ANNOTATION = "io.batchtrack.TrackedBatch";
    /** Where the advice's {@code invokedynamic} first became legal. */
    private static final ClassFileVersion OLDEST = ClassFileVersion.JAVA_V7;

    private final ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED);
    private final ClassFileLocator api = apiLocator();
    private final Advice advice = Advice.withCustomMapping().bind(TrackedMethodOf.class, TrackedMethodSite.INSTANCE)
            .to(TrackedBatchAdvice.class);
    private final Advice publisherAdvice = Advice.withCustomMapping()
            .bind(TrackedMethodOf.class, TrackedMethodSite.INSTANCE).to(PublisherTrackedBatchAdvice.class);
    private final Advice suspendAdvice = Advice.withCustomMapping()
            .bind(TrackedMethodOf.class, TrackedMethodSite.INSTANCE).to(SuspendAdvice.class);

    @Override
    public Result weave(ClassLoader loader, String internalName, byte[] bytes) {
        String name = internalName.replace('/', '.');
        // the api's class files come from the api jar itself, as the JVM resolves them from there
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes), api,
                ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), locator,
                TypePool.Default.ReaderMode.FAST);
        TypeDescription type = pool.describe(name).resolve();
        List<MethodDescription> tracked = new ArrayList<>();
        List<MethodDescription> publishers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
            if (!annotated(m) || m.isBridge()) {
                // javac copies a method's annotations to its bridges; the real method is woven once
                continue;
            }
            String refusal = refusal(m);
            if (refusal != null) {
                warnings.add("@TrackedBatch on " + member(type, m) + " is ignored: " + refusal);
            } else {
                AsyncReturn kind = ReturnKinds.of(pool, m);
                String unsupported = kind.unsupportedWarning(member(type, m), m.getReturnType().asErasure().getName());
                if (unsupported != null) {
                    warnings.add(unsupported);
                }
                (kind.wraps() ? publishers : tracked).add(m);
            }
        }
        if (tracked.isEmpty() && publishers.isEmpty()) {
            return new Result(null, warnings);
        }
        ClassFileVersion version = type.getClassFileVersion();
        if (version != null && version.isLessThan(OLDEST)) {
            warnings.add("@TrackedBatch methods of " + name + " are not woven: its class file version ("
                    + version.getJavaVersion() + ") predates Java 7, which the woven code needs; recompile it");
            return new Result(null, warnings);
        }
        List<MethodDescription> suspending = new ArrayList<>();
        for (MethodDescription m : tracked) {
            if (suspending(m)) { // a suspend function returns Object: it is never among the publishers
                suspending.add(m);
            }
        }
        List<MethodDescription> plain = new ArrayList<>(tracked);
        plain.removeAll(suspending);
        AsmVisitorWrapper wrapper = new AsmVisitorWrapper.Compound(advice.on(ElementMatchers.anyOf(plain)),
                publisherAdvice.on(ElementMatchers.anyOf(publishers)),
                suspendAdvice.on(ElementMatchers.anyOf(suspending)));
        return new Result(byteBuddy.decorate(type, locator).visit(wrapper).make().getBytes(), warnings);
    }

    static ClassFileLocator apiLocator() {
        Path jar = ApiJar.appended();
        if (jar == null) {
            return ClassFileLocator.NoOp.INSTANCE;
        }
        try {
            return ClassFileLocator.ForJarFile.of(jar.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the api jar " + jar, e);
        }
    }

    /** A Kotlin suspend function, by the name of its last parameter's type (Kotlin is never loaded here). */
    private static boolean suspending(MethodDescription m) {
        int n = m.getParameters().size();
        return n > 0 && m.getParameters().get(n - 1).getType().asErasure().getName().equals(SuspendCalls.CONTINUATION);
    }

    private static boolean annotated(MethodDescription m) {
        for (AnnotationDescription a : m.getDeclaredAnnotations()) {
            if (a.getAnnotationType().getName().equals(ANNOTATION)) {
                return true;
            }
        }
        return false;
    }

    /** Why a method cannot be woven, or null if it can. */
    private static String refusal(MethodDescription m) {
        if (m.isConstructor()) {
            return "constructors are not woven (annotate a method that the constructor's caller calls)";
        }
        if (m.isAbstract()) {
            return "abstract methods have no body to weave (annotate the implementing method)";
        }
        if (m.isNative()) {
            return "native methods have no bytecode to weave (annotate a Java method that calls it)";
        }
        return null;
    }

    private static String member(TypeDescription type, MethodDescription m) {
        StringBuilder b = new StringBuilder(type.getName()).append('.')
                .append(m.isConstructor() ? "<init>" : m.getName()).append('(');
        boolean first = true;
        for (TypeDescription.Generic p : m.getParameters().asTypeList()) {
            b.append(first ? "" : ", ").append(p.asErasure().getSimpleName());
            first = false;
        }
        return b.append(')').toString();
    }
}
