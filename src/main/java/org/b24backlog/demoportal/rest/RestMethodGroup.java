package org.b24backlog.demoportal.rest;

/** A bean that implements related REST methods and adds them to the registry at startup. */
public interface RestMethodGroup {

    void registerTo(MethodRegistry registry);
}
