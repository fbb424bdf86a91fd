package org.b24backlog.demoportal.rest;

/** The implementation of one REST method; it throws {@link RestException} for every error it returns. */
@FunctionalInterface
public interface RestMethodHandler {

    MethodResult handle(RestCall call);
}
