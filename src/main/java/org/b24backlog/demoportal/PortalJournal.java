package org.b24backlog.demoportal;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;

/** Every request the portal and its OAuth server received, in arrival order, for tests to assert on. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class PortalJournal {

    private final List<JournalEntry> entries = new ArrayList<>();

    public synchronized void add(JournalEntry entry) {
        entries.add(entry);
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
