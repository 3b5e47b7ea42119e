package castad.blob;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses blob-worker may connect to: any public one; none of the machine's own, the private
 * networks' (RFC 1918, CGNAT, IPv6 unique-local and link-local), the clouds' metadata services (169.254.169.254,
 * fd00:ec2::254) or Azure's wire server (168.63.129.16), unless an operator lists it (the local stack lists the
 * simulators' 127.0.0.1). IPv4 inside IPv6 (mapped, compatible, NAT64) is judged as the IPv4 address it carries.
 */
final class AddressRules {

    private static final List<Cidr> FORBIDDEN = ranges(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4", "168.63.129.16/32",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private final List<Cidr> allowed;

    /** @param allowed addresses or CIDR ranges allowed although they are private ({@code 127.0.0.1}, {@code 10.1.0.0/16}) */
    AddressRules(List<String> allowed) {
        this.allowed = allowed.stream().map(Cidr::parse).toList();
        this.allowed.stream().filter(range -> range.prefix() == 0).findAny().ifPresent(range -> {
            throw new IllegalArgumentException("castad.blob-copy.allowed-addresses: a /0 range allows every"
                    + " address, which turns the check off; list the networks the sources really are in");
        });
    }

    boolean permits(InetAddress address) {
        InetAddress judged = embeddedIpv4(address);
        return allowed.stream().anyMatch(range -> range.contains(judged) || range.contains(address))
                || FORBIDDEN.stream().noneMatch(range -> range.contains(judged));
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d and 64:ff9b::a.b.c.d; any other address as it is. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        boolean mapped = allZero(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
        boolean compatible = allZero(bytes, 0, 12) && !allZero(bytes, 12, 16) && !isOne(bytes);
        boolean nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0x9B
                && allZero(bytes, 4, 12);
        if (mapped || compatible || nat64) {
            try {
                return Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOne(byte[] bytes) {
        return allZero(bytes, 0, 15) && bytes[15] == 1;
    }

    private static List<Cidr> ranges(String... ranges) {
        return Arrays.stream(ranges).map(Cidr::parse).toList();
    }

    /** An address range; a plain address is a range of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            byte[] network = literal(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("castad.blob-copy.allowed-addresses: '" + text
                        + "' has a prefix outside 0.." + network.length * 8);
            }
            return new Cidr(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] literal(String address) {
            String bare = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1) : address;
            if (!bare.matches("[0-9a-fA-F:.]+") || !(bare.contains(".") || bare.contains(":"))) {
                throw new IllegalArgumentException("castad.blob-copy.allowed-addresses: '" + address
                        + "' is not an IP address or CIDR range (names are allow-listed in allowed-hosts)");
            }
            try {
                return InetAddress.getByName(bare).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("castad.blob-copy.allowed-addresses: '" + address + "' is not an address", e);
            }
        }
    }
}
