package io.distributedjob.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission code a REST handler needs; callers without it get 403/4003. A handler without this
 * annotation still needs an authenticated caller unless its path is public.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequirePermission {

    /** A permission code such as {@code task:view}. */
    String value();
}
