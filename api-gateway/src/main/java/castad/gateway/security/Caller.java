package castad.gateway.security;

/**
 * Who is calling: the name of the API key the request carried. What a caller creates is owned by that name;
 * an admin sees everything, anyone else only what they own.
 */
public record Caller(String name, boolean admin) {

    public boolean owns(String owner) {
        return admin || name.equals(owner);
    }
}
