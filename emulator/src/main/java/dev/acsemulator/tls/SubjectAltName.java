package dev.acsemulator.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** One entry of a certificate's subjectAltName: an IP literal becomes an iPAddress, anything else a dNSName. */
sealed interface SubjectAltName {

    /** GeneralName tag numbers from RFC 5280, as also returned by {@code X509Certificate.getSubjectAlternativeNames()}. */
    int DNS_NAME_TAG = 2;
    int IP_ADDRESS_TAG = 7;

    static SubjectAltName parse(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A subject alternative name must not be blank");
        }
        return IpAddress.parseLiteral(trimmed)
                .<SubjectAltName>map(IpAddress::new)
                .orElseGet(() -> new DnsName(IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT)));
    }

    byte[] toGeneralName();

    record DnsName(String name) implements SubjectAltName {
        @Override
        public byte[] toGeneralName() {
            return DerWriter.implicitPrimitive(DNS_NAME_TAG, name.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public String toString() {
            return "DNS:" + name;
        }
    }

    record IpAddress(InetAddress address) implements SubjectAltName {

        private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

        /** Recognises literals without ever resolving a host name. */
        static Optional<InetAddress> parseLiteral(String text) {
            String unbracketed = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            var quad = DOTTED_QUAD.matcher(unbracketed);
            try {
                if (quad.matches()) {
                    byte[] octets = new byte[4];
                    for (int i = 0; i < 4; i++) {
                        int octet = Integer.parseInt(quad.group(i + 1));
                        if (octet > 255) {
                            return Optional.empty();
                        }
                        octets[i] = (byte) octet;
                    }
                    return Optional.of(InetAddress.getByAddress(octets));
                }
                if (unbracketed.indexOf(':') >= 0) {
                    if (unbracketed.indexOf('%') >= 0) {
                        throw new IllegalArgumentException("IPv6 zone ids cannot appear in a certificate: " + text);
                    }
                    return Optional.of(InetAddress.getByName(unbracketed));
                }
            } catch (UnknownHostException notAnAddress) {
                throw new IllegalArgumentException("Not a valid IP address literal: " + text, notAnAddress);
            }
            return Optional.empty();
        }

        @Override
        public byte[] toGeneralName() {
            return DerWriter.implicitPrimitive(IP_ADDRESS_TAG, address.getAddress());
        }

        @Override
        public String toString() {
            return "IP:" + address.getHostAddress();
        }
    }
}
