package org.b24backlog.backlog;

/** The workgroup exists but plans without Scrum, so it has no backlog. */
public class NotScrumException extends RuntimeException {

    private final ScrumGroup group;

    public NotScrumException(ScrumGroup group) {
        super("Workgroup " + group.id() + " is not a Scrum");
        this.group = group;
    }

    public ScrumGroup group() {
        return group;
    }
}
