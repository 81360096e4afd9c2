package dev.acsemulator.api.auth;

import dev.acsemulator.http.HttpRequestMessage;

/** Checks a request's credentials; returns the caller's principal or throws the catalogue's 401. */
@FunctionalInterface
public interface Authenticator {
    String authenticate(HttpRequestMessage request);
}
