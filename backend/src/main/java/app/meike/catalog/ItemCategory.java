package app.meike.catalog;

/** Where an item sits on the path from skin care to surgery. */
public enum ItemCategory {
    SKIN, INJECTION, MINIMALLY_INVASIVE, SURGERY, OTHER
}
