package org.carrierhost.host;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that runs twice, on H2 and on PostgreSQL, each time with a fresh {@link TestDatabase}
 * that the test method and its {@code @BeforeEach} and {@code @AfterEach} methods may take as a
 * parameter. See {@link Databases} for where PostgreSQL is, and what happens when it cannot be reached.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(Databases.class)
public @interface BothDatabases {
}
