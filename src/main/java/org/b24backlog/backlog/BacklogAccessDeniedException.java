package org.b24backlog.backlog;

/** The user can see the workgroup, but Bitrix24 does not let them read its tasks, so its backlog stays hidden. */
public class BacklogAccessDeniedException extends RuntimeException {

    private final ScrumGroup group;

    public BacklogAccessDeniedException(ScrumGroup group) {
        super("The portal denied access to the tasks of workgroup " + group.id());
        this.group = group;
    }

    public ScrumGroup group() {
        return group;
    }
}
