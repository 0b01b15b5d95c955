package app.meike.tenancy;

public enum TenantStatus {
    ACTIVE, SUSPENDED
}
