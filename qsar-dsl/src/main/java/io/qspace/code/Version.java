package io.qspace.code;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of a built-in component's algorithm (a selector, filter, split, descriptor set or builder class of
 * qspace's own). It is part of the identity of every invocation the component takes part in: raise it when the
 * component computes something different, and exactly the invocations that use it run again; stored results of
 * every other component stay valid. A class without it is at version 1.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Version {
    int value();
}
