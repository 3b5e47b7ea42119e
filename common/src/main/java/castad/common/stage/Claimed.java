package castad.common.stage;

/** A claim with what its paid request is made of, read in the claim's transaction. */
public record Claimed<I>(Claim claim, I input) {
}
