package io.qspace.plan;

import io.qspace.model.ModelBuilder;
import io.qspace.validate.ClassScores;
import java.io.Serializable;

/**
 * What build + cross-validate found for one feature set and builder: the grid point chosen by cross-validation
 * (never by the test set) and its CV metrics.
 *
 * @param gridReport one line per grid point with its CV RMSE, for the record
 * @param yRandomisedQ2 mean Q2 over y-randomised runs, NaN when not requested
 * @param selection "inside-folds" or "before-cv": where supervised selection happened relative to the folds
 * @param foldRmse the chosen point's CV RMSE per repeat and fold, [repeat][fold]; models of one dataset share folds,
 *                 so two models' fold RMSEs can be compared pairwise
 * @param chosenBy the metric that chose the point ("rmse", "roc_auc", ...)
 * @param cvClasses for a classification, the chosen point's CV ROC-AUC and other class measures; null otherwise
 * @param yRandomisedAuc for a classification, mean CV ROC-AUC over y-randomised runs; NaN otherwise or not requested
 */
public record BuildOutcome(ModelBuilder chosen, double cvQ2, double cvRmse, int fits, double yRandomisedQ2,
                           String gridReport, double seconds, String selection, double[][] foldRmse,
                           String chosenBy, ClassScores cvClasses, double yRandomisedAuc)
        implements Serializable {

    public boolean classifies() {
        return cvClasses != null;
    }
}
