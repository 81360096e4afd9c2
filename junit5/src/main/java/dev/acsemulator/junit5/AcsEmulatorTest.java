package dev.acsemulator.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against an ACS Call Automation emulator started in-process. Test methods and constructors may
 * take an {@link dev.acsemulator.Emulator}, a {@link dev.acsemulator.admin.client.ControlClient}, a
 * {@link CallbackReceiver}, the connection string (a {@code String} parameter annotated {@link ConnectionString}) and,
 * when the official SDK is on the class path, a configured {@code CallAutomationClient}. After each test the
 * emulator's identities, subscriptions and fault rules go back to their configured state. A test plays the person at
 * the phone with an identity set to {@code manual}: its invitations ring until the test calls
 * {@code ControlClient.answerInvitation} or {@code declineInvitation} (found with {@code ControlClient.invitations}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(AcsEmulatorExtension.class)
public @interface AcsEmulatorTest {

    /** How the emulator is configured; classes with the same configurer share one emulator when shared. */
    Class<? extends EmulatorConfigurer> configurer() default EmulatorConfigurer.Defaults.class;

    /** {@link Scope#SHARED}: one emulator per configurer for the whole run; {@link Scope#PER_CLASS}: one per class. */
    Scope scope() default Scope.SHARED;

    /** How long emulators live. */
    enum Scope { SHARED, PER_CLASS }
}
