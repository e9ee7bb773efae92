package dev.fluxion.processor;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's compiler tree API behind a processing environment that a build tool has wrapped:
 * IntelliJ's (through its own {@code APIWrappers.unwrap}), and delegating wrappers such as
 * Gradle's incremental environment (a field that holds the environment it delegates to, also
 * behind a dynamic proxy's handler). Under a compiler without the tree API (Eclipse's), there is
 * nothing to find.
 */
final class EnvironmentUnwrapper {
  private static final int MAX_DEPTH = 5;

  private EnvironmentUnwrapper() {}

  /**
   * The tree API for an environment, unwrapping it if needed.
   *
   * @param env the environment the processor was given
   * @return the trees, or {@code null} when the compiler is not javac
   */
  static Trees trees(ProcessingEnvironment env) {
    ProcessingEnvironment current = env;
    for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
      try {
        return Trees.instance(current);
      } catch (IllegalArgumentException notJavac) {
        current = unwrapOnce(current);
      }
    }
    return null;
  }

  private static ProcessingEnvironment unwrapOnce(ProcessingEnvironment env) {
    ProcessingEnvironment intellij = intellij(env);
    if (intellij != null && intellij != env) {
      return intellij;
    }
    Object holder = Proxy.isProxyClass(env.getClass()) ? Proxy.getInvocationHandler(env) : env;
    return delegateField(holder, env);
  }

  private static ProcessingEnvironment intellij(ProcessingEnvironment env) {
    try {
      ClassLoader loader = env.getClass().getClassLoader();
      if (loader == null) {
        return null;
      }
      Class<?> wrappers = loader.loadClass("org.jetbrains.jps.javac.APIWrappers");
      Method unwrap = wrappers.getDeclaredMethod("unwrap", Class.class, Object.class);
      return ProcessingEnvironment.class.cast(unwrap.invoke(null, ProcessingEnvironment.class, env));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError absent) {
      return null;
    }
  }

  /** The environment a wrapper delegates to: the value of a field of that type. */
  private static ProcessingEnvironment delegateField(Object wrapper, ProcessingEnvironment self) {
    for (Class<?> c = wrapper.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!ProcessingEnvironment.class.isAssignableFrom(f.getType())) {
          continue;
        }
        try {
          f.setAccessible(true);
          Object value = f.get(wrapper);
          if (value != null && value != self) {
            return (ProcessingEnvironment) value;
          }
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
          // try the next field
        }
      }
    }
    return null;
  }
}
