package com.coder.sdk.testkit;

import com.coder.sdk.CoderClient;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;

/**
 * The JUnit 5 extension behind {@link FakeCoder}: resolves {@link FakeCoderServer} and {@link
 * CoderClient} parameters of test constructors, test methods and lifecycle methods. Servers and
 * clients live in the JUnit store of the class (or, with {@code perMethod}, of the test) and are
 * closed when it ends. Usually applied through {@link FakeCoder}; registered on its own it uses the
 * annotation's defaults.
 */
public final class FakeCoderExtension
    implements ParameterResolver, TestInstantiationAwareExtension {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeCoderExtension.class);

  /** Creates the extension; JUnit calls this. */
  public FakeCoderExtension() {}

  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    // Constructor parameters then resolve in the test's own context, so perMethod can apply.
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeCoderServer.class || type == CoderClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext owner = owner(context);
    FakeCoder settings = settings(context);
    ExtensionContext.Store store = owner.getStore(NAMESPACE);
    FakeCoderServer server =
        store.computeIfAbsent(
            FakeCoderServer.class,
            key -> FakeCoderServer.builder().licensed(settings.licensed()).build().start(),
            FakeCoderServer.class);
    if (parameter.getParameter().getType() == FakeCoderServer.class) {
      return server;
    }
    return store.computeIfAbsent(CoderClient.class, key -> server.newClient(), CoderClient.class);
  }

  /** The context whose store holds the server: the test's, or the annotated class's. */
  private static ExtensionContext owner(ExtensionContext context) {
    FakeCoder settings = settings(context);
    if (settings.perMethod() && context.getTestMethod().isPresent()) {
      return context;
    }
    Class<?> annotated = annotatedClass(context).orElse(null);
    ExtensionContext current = context;
    while (current.getParent().isPresent()) {
      Class<?> testClass = current.getTestClass().orElse(null);
      boolean classLevel = current.getTestMethod().isEmpty() && testClass != null;
      if (classLevel && (annotated == null || testClass == annotated)) {
        return current;
      }
      current = current.getParent().get();
    }
    return context;
  }

  private static FakeCoder settings(ExtensionContext context) {
    return annotatedClass(context)
        .map(type -> type.getAnnotation(FakeCoder.class))
        .orElse(Defaults.class.getAnnotation(FakeCoder.class));
  }

  private static Optional<Class<?>> annotatedClass(ExtensionContext context) {
    Optional<Class<?>> type = context.getTestClass();
    while (type.isPresent()) {
      AnnotatedElement element = type.get();
      if (element.isAnnotationPresent(FakeCoder.class)) {
        return type;
      }
      type = Optional.ofNullable(type.get().getEnclosingClass());
    }
    return Optional.empty();
  }

  /** Carries the annotation's default values for an extension registered without it. */
  @FakeCoder
  private static final class Defaults {}
}
