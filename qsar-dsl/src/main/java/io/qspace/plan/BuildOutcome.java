package io.qspace.plan;

import io.qspace.model.ModelBuilder;
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
 */
public record BuildOutcome(ModelBuilder chosen, double cvQ2, double cvRmse, int fits, double yRandomisedQ2,
                           String gridReport, double seconds, String selection, double[][] foldRmse)
        implements Serializable {}
