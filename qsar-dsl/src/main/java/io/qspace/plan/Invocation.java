package io.qspace.plan;

import io.qspace.store.ContentHash;
import java.io.Serializable;
import java.util.Map;

/**
 * One node of a study's invocation tree: an id derived from the task's identity (equal inputs, equal id) and the
 * task itself, plain serialisable data ready for a grid.
 */
public record Invocation(String id, Task task) implements Serializable {

    public static Invocation of(Task task) {
        return new Invocation(idOf(task.kind(), task.identity()), task);
    }

    /** The id of a task of this kind and identity, without making the task. */
    public static String idOf(String kind, String identity) {
        return kind + "-" + ContentHash.shortOf(identity);
    }

    public String kind() {
        return task.kind();
    }

    public String label() {
        return task.label();
    }

    public Map<String, String> coordinates() {
        return task.coordinates();
    }

    @Override
    public String toString() {
        return id + " (" + task.label() + ")";
    }
}
