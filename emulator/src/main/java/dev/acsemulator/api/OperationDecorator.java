package dev.acsemulator.api;

/**
 * Wraps a route's handler with behaviour that cuts across operations (fault injection today). The REST surface
 * knows only this shape; whoever decorates lives outside {@code api} and is wired in by the emulator.
 */
@FunctionalInterface
public interface OperationDecorator {

    Operation decorate(Route route);
}
