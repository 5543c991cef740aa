package org.headlesspm.storage;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that writes the database. Combine with {@code @Transactional}: the {@link
 * WriteGate} runs outside the transaction, lets one writer in at a time and retries the whole
 * transaction when SQLite reports it busy.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Writes {}
