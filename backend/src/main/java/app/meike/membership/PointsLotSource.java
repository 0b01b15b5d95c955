package app.meike.membership;

/** How a lot's points came in. */
public enum PointsLotSource {
    ORDER, ADJUSTMENT, RESTORE
}
