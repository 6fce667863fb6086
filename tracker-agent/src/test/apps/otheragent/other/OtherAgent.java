package other;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.ThreadPoolExecutor;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

/**
 * Another retransforming agent, as APM agents are: it instruments {@code ThreadPoolExecutor.execute} to
 * print a line, at load and whenever the class is retransformed, and retransforms it in premain (so
 * that the class is loaded and woven before batchtrack's premain when this agent comes first).
 */
public final class OtherAgent {
    private static final String TARGET = "java.util.concurrent.ThreadPoolExecutor";

    private OtherAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                    byte[] bytes) {
                if (loader != null || !TARGET.replace('.', '/').equals(name)) {
                    return null;
                }
                try {
                    ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(TARGET, bytes),
                            ClassFileLocator.ForClassLoader.ofBootLoader());
                    return new ByteBuddy().decorate(TypePool.Default.of(locator).describe(TARGET).resolve(), locator)
                            .visit(Advice.to(Execute.class).on(ElementMatchers.named("execute")))
                            .make().getBytes();
                } catch (Throwable t) {
                    t.printStackTrace();
                    return null;
                }
            }
        }, true);
        instrumentation.retransformClasses(ThreadPoolExecutor.class);
        System.out.println("other.installed=true");
    }

    /** Inlined into ThreadPoolExecutor.execute: JDK types only. */
    public static final class Execute {
        private Execute() {}

        @Advice.OnMethodEnter
        static void enter() {
            System.out.println("other.execute=seen");
        }
    }
}
