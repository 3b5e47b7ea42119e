package castad.common.http;

/**
 * castad did not call the provider: its circuit is open, its rate limit used up or its bulkhead full. The
 * refused attempt sent nothing (earlier attempts of the same call, if any, failed transiently), so the work
 * is not failed: the caller hands it back (the stage row returns to {@code pending}) and it is driven again.
 */
public class ProviderCallRefused extends RuntimeException {

    private final String provider;
    private final String reason;

    public ProviderCallRefused(String provider, String reason, Throwable cause) {
        super("Call to " + provider + " not made (" + reason + "): " + cause.getMessage(), cause);
        this.provider = provider;
        this.reason = reason;
    }

    public String provider() {
        return provider;
    }

    /** {@code circuit_open}, {@code rate_limited} or {@code bulkhead_full}. */
    public String reason() {
        return reason;
    }
}
