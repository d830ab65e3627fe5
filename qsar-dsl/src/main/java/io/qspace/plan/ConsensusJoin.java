package io.qspace.plan;

import io.qspace.store.ObjectStore;
import io.qspace.store.StoreKeys;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a dataset's consensus joins its invocation tree. Every build and test of the dataset carries this (the ids of
 * all its builds); when one of them ends, successfully or not, it asks {@link #whenAllEnded}: the one that sees every
 * sibling ended makes the consensus invocation its child. Two that end together both make it, with the same id: the
 * runners create an invocation id once per run, so it runs once, after all its members.
 *
 * @param sizes the k of the top-k consensus to choose from (by CV)
 */
public record ConsensusJoin(String prepareId, String dataset, List<String> buildIds, List<Integer> sizes,
                            long studySeed, String datasetHash, String split) implements Serializable {

    public ConsensusJoin {
        buildIds = List.copyOf(buildIds);
        sizes = List.copyOf(sizes);
    }

    /**
     * The consensus invocation once every build of the dataset has ended (its test stored or failed, or the build
     * itself failed), else none; none either when fewer than two models were made.
     */
    public List<Invocation> whenAllEnded(ObjectStore store) throws java.io.IOException {
        List<String> members = new ArrayList<>();
        for (String build : buildIds) {
            String test = TestTask.idFor(build, studySeed);
            if (store.exists(StoreKeys.done(test))) {
                members.add(test);
            } else if (!store.exists(StoreKeys.failure(test)) && !store.exists(StoreKeys.failure(build))) {
                return List.of(); // still running, or not yet started: a later sibling will see it end
            }
        }
        if (members.size() < 2) {
            return List.of();
        }
        return List.of(Invocation.of(new ConsensusTask(prepareId, dataset, members, sizes, studySeed, datasetHash,
                split)));
    }
}
