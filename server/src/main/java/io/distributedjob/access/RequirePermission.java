package io.distributedjob.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission code a REST handler needs; callers without it get 403/4003. With several codes, any one of
 * them is enough. A handler without this annotation still needs an authenticated caller unless it is a
 * {@link PublicEndpoint}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequirePermission {

    /** Permission codes such as {@code task:view}; holding any one of them grants access. */
    String[] value();
}
