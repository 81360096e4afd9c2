package dev.acsemulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateGeneratorTest {

    private static final Instant NOW = Instant.parse("2030-06-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @Test
    void generatedCertificateCarriesLoopbackSubjectAltNames() throws Exception {
        X509Certificate certificate = new SelfSignedCertificateGenerator(CLOCK).generate(List.of()).certificate();

        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(2, "localhost"));
    }

    @Test
    void extraIpLiteralsBecomeIpAddressEntriesAndOtherNamesDnsNames() throws Exception {
        X509Certificate certificate = new SelfSignedCertificateGenerator(CLOCK)
                .generate(List.of("192.0.2.10", "[2001:db8::5]", "Host.Docker.Internal", "*.emulator.test", "localhost"))
                .certificate();

        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(2, "localhost"),
                List.of(7, "192.0.2.10"), List.of(7, "2001:db8:0:0:0:0:0:5"),
                List.of(2, "host.docker.internal"), List.of(2, "*.emulator.test"));
    }

    @Test
    void generatedCertificateIsSignedByItsOwnKey() throws Exception {
        var generated = new SelfSignedCertificateGenerator(CLOCK).generate(List.of());

        generated.certificate().verify(generated.certificate().getPublicKey());
        assertThat(generated.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) generated.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(generated.privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void subjectIsIssuerAndValidityRunsFromYesterdayForTenYears() throws Exception {
        X509Certificate certificate = new SelfSignedCertificateGenerator(CLOCK).generate(List.of()).certificate();

        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=ACS Call Automation Emulator");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
    }

    @Test
    void extensionsMakeItATrustAnchorForServerAuthentication() throws Exception {
        X509Certificate certificate = new SelfSignedCertificateGenerator(CLOCK).generate(List.of()).certificate();

        assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[2]).as("keyEncipherment").isTrue();
        assertThat(keyUsage[5]).as("keyCertSign").isTrue();
        assertThat(keyUsage[1] || keyUsage[3] || keyUsage[4] || keyUsage[6]).isFalse();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(certificate.getExtensionValue("2.5.29.14")).isNotNull();
        assertThat(certificate.getExtensionValue("2.5.29.35")).isNotNull();
    }

    @Test
    void serialNumbersArePositiveWideAndRandom() throws Exception {
        var generator = new SelfSignedCertificateGenerator(CLOCK);
        var first = generator.generate(List.of()).certificate().getSerialNumber();
        var second = generator.generate(List.of()).certificate().getSerialNumber();

        assertThat(first.signum()).isPositive();
        assertThat(first.bitLength()).isGreaterThanOrEqualTo(64);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void validityReachingPast2049IsEncodedAsGeneralizedTime() throws Exception {
        X509Certificate certificate = new SelfSignedCertificateGenerator(CLOCK, new SecureRandom(), Duration.ofDays(365 * 30))
                .generate(List.of()).certificate();

        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365 * 30)));
    }

    @Test
    void zoneScopedOrMalformedIpv6NamesAreRejected() {
        var generator = new SelfSignedCertificateGenerator(CLOCK);

        assertThatThrownBy(() -> generator.generate(List.of("fe80::1%eth0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.generate(List.of("1:2:3"))).isInstanceOf(IllegalArgumentException.class);
    }
}
