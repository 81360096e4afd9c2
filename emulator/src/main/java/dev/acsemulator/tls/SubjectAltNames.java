package dev.acsemulator.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The names the emulator's certificate must cover: loopback always, plus whatever the user asked for. */
final class SubjectAltNames {

    static final List<String> LOOPBACK = List.of("127.0.0.1", "::1", "localhost");

    private final Set<SubjectAltName> names;

    private SubjectAltNames(Set<SubjectAltName> names) {
        this.names = names;
    }

    static SubjectAltNames loopbackPlus(List<String> extraNames) {
        Set<SubjectAltName> names = new LinkedHashSet<>();
        for (String name : LOOPBACK) {
            names.add(SubjectAltName.parse(name));
        }
        for (String name : extraNames) {
            if (!name.isBlank()) {
                names.add(SubjectAltName.parse(name));
            }
        }
        return new SubjectAltNames(names);
    }

    static SubjectAltNames of(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        Set<SubjectAltName> names = new LinkedHashSet<>();
        if (entries != null) {
            for (List<?> entry : entries) {
                int tag = (Integer) entry.get(0);
                if (tag == SubjectAltName.DNS_NAME_TAG || tag == SubjectAltName.IP_ADDRESS_TAG) {
                    names.add(SubjectAltName.parse((String) entry.get(1)));
                }
            }
        }
        return new SubjectAltNames(names);
    }

    boolean containsAll(SubjectAltNames required) {
        return names.containsAll(required.names);
    }

    /** The extnValue contents of a subjectAltName extension: {@code GeneralNames ::= SEQUENCE OF GeneralName}. */
    byte[] toExtensionValue() {
        List<byte[]> generalNames = new ArrayList<>(names.size());
        for (SubjectAltName name : names) {
            generalNames.add(name.toGeneralName());
        }
        return DerWriter.sequence(generalNames.toArray(byte[][]::new));
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
