package org.b24backlog.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared test resources once for every {@code @QuarkusTest} class. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public class TestResources {
}
