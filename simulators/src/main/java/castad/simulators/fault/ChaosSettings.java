package castad.simulators.fault;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Random faults of a simulated provider (chaos runs): the fraction of requests answered with a server
 * error, a rate limit, slowly, or not at all (the connection dropped). One draw per request picks at
 * most one fault, so the four rates may add up to 1 at most. Unset fields take the defaults: rates 0
 * (off), {@code slowMs} 5000, {@code dropAfterAccept} false, {@code retryAfter} present, {@code seed}
 * chosen at random (and then reported, so a run can be repeated).
 *
 * @param errorRate       fraction answered with the provider's server error (500; OpenAI 500 or 503)
 * @param rateLimitRate   fraction answered with the provider's rate limit (OpenAI and Creatomate 429, Suno 430)
 * @param slowRate        fraction answered normally, but {@code slowMs} later
 * @param slowMs          the extra delay of a slow answer
 * @param dropRate        fraction whose connection is closed without an answer
 * @param dropAfterAccept drop only after the request was processed (a paid submission recorded; a
 *                        download half sent), instead of before
 * @param retryAfter      whether rate limits carry {@code retry-after} (and OpenAI's {@code retry-after-ms})
 * @param seed            seed of the draws: the same seed and the same requests give the same faults
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChaosSettings(
        @DecimalMin("0.0") @DecimalMax("1.0") Double errorRate,
        @DecimalMin("0.0") @DecimalMax("1.0") Double rateLimitRate,
        @DecimalMin("0.0") @DecimalMax("1.0") Double slowRate,
        @PositiveOrZero Long slowMs,
        @DecimalMin("0.0") @DecimalMax("1.0") Double dropRate,
        Boolean dropAfterAccept,
        RetryAfter retryAfter,
        Long seed) {

    public static final long DEFAULT_SLOW_MS = 5000;
    public static final ChaosSettings OFF = new ChaosSettings(null, null, null, null, null, null, null, null);

    public ChaosSettings {
        errorRate = errorRate == null ? 0.0 : errorRate;
        rateLimitRate = rateLimitRate == null ? 0.0 : rateLimitRate;
        slowRate = slowRate == null ? 0.0 : slowRate;
        slowMs = slowMs == null ? DEFAULT_SLOW_MS : slowMs;
        dropRate = dropRate == null ? 0.0 : dropRate;
        dropAfterAccept = dropAfterAccept != null && dropAfterAccept;
        retryAfter = retryAfter == null ? RetryAfter.PRESENT : retryAfter;
    }

    @JsonIgnore
    @AssertTrue(message = "errorRate + rateLimitRate + slowRate + dropRate must not exceed 1")
    public boolean isWithinOne() {
        return errorRate + rateLimitRate + slowRate + dropRate <= 1.0 + 1e-9;
    }

    /** No fault at all: no draw is made. */
    @JsonIgnore
    public boolean isOff() {
        return errorRate == 0 && rateLimitRate == 0 && slowRate == 0 && dropRate == 0;
    }

    /** Only slow answers and dropped connections, as for media downloads. */
    @JsonIgnore
    public boolean isSlowOrDropOnly() {
        return errorRate == 0 && rateLimitRate == 0;
    }

    /** Checks what bean validation checks, for settings bound at start. */
    public ChaosSettings checked(String prefix) {
        for (var rate : new double[] {errorRate, rateLimitRate, slowRate, dropRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException(prefix + " rates must be between 0 and 1: " + this);
            }
        }
        if (!isWithinOne()) {
            throw new IllegalArgumentException(prefix + " error-rate + rate-limit-rate + slow-rate + drop-rate must not"
                    + " exceed 1: " + this);
        }
        if (slowMs < 0) {
            throw new IllegalArgumentException(prefix + ".slow-ms must not be negative: " + slowMs);
        }
        return this;
    }

    ChaosSettings withSeed(long chosen) {
        return new ChaosSettings(errorRate, rateLimitRate, slowRate, slowMs, dropRate, dropAfterAccept, retryAfter, chosen);
    }
}
