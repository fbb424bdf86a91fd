package org.b24backlog.demoportal.data;

import java.util.List;

/** An epic of a Scrum; {@code files} holds the ids of attached disk files. */
public record DemoEpic(int id, int groupId, String name, String description, int createdBy, int modifiedBy,
        String color, List<Integer> files) {
}
