package org.b24backlog.demoportal.rest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.arc.profile.IfBuildProfile;

/** REST methods of the demo portal by name. Bitrix24 method names are case-insensitive, so keys are lower case. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class MethodRegistry {

    /** A registered method with the scope the app must have been granted to call it. */
    public record Registration(String name, String scope, RestMethodHandler handler) {
    }

    private final Map<String, Registration> methods = new HashMap<>();

    @Inject
    Instance<RestMethodGroup> groups;

    @PostConstruct
    void collect() {
        groups.forEach(group -> group.registerTo(this));
    }

    public void register(String name, String scope, RestMethodHandler handler) {
        methods.put(name.toLowerCase(Locale.ROOT), new Registration(name, scope, handler));
    }

    public Optional<Registration> find(String name) {
        return Optional.ofNullable(methods.get(name.toLowerCase(Locale.ROOT)));
    }
}
