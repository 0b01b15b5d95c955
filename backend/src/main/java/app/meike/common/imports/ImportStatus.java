package app.meike.common.imports;

/** VALIDATED after upload (the report says what a commit would do); COMMITTED (it says what the commit did). */
public enum ImportStatus { VALIDATED, COMMITTED }
