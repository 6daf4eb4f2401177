package io.distributedjob.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outside services a test class or method needs: without them it is skipped, or fails when the build
 * requires them (see {@link TestService}). Evaluated before the class is set up, so no Spring context or
 * connection pool is started for a skipped class.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(NeedsCondition.class)
public @interface Needs {

    TestService[] value();
}
