package io.qspace.grid;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Map;

/** The atomic steps of ending a run on the grid, applied to its entry in the runs map. */
final class RunEndSteps {
    private RunEndSteps() {}

    /** Takes the job of ending a run: true for one member, unless that member has been at it too long (died). */
    static final class Begin implements EntryProcessor<String, RunInfo, Boolean>, Serializable {
        private static final long serialVersionUID = 1L;
        private final long now;
        private final long staleMillis;

        Begin(long now, long staleMillis) {
            this.now = now;
            this.staleMillis = staleMillis;
        }

        @Override
        public Boolean process(Map.Entry<String, RunInfo> entry) {
            RunInfo info = entry.getValue();
            if (info == null || info.ended || info.cancelled
                    || (info.endingSince > 0 && now - info.endingSince < staleMillis)) {
                return false;
            }
            info.endingSince = now;
            entry.setValue(info);
            return true;
        }
    }

    /** Results written: the run is over; or they could not be (error set), and another try may come later. */
    static final class Done implements EntryProcessor<String, RunInfo, Void>, Serializable {
        private static final long serialVersionUID = 1L;
        private final String error;

        Done(String error) {
            this.error = error;
        }

        @Override
        public Void process(Map.Entry<String, RunInfo> entry) {
            RunInfo info = entry.getValue();
            if (info != null) {
                info.endingSince = 0;
                info.endError = error;
                info.ended = error == null;
                entry.setValue(info);
            }
            return null;
        }
    }
}
