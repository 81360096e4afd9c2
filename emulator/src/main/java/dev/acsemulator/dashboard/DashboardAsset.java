package dev.acsemulator.dashboard;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One file of the dashboard as it is served: its bytes, its content type by extension and a strong ETag (a hash of the
 * bytes), so a browser revalidates it cheaply instead of caching a page that a new emulator version changed.
 */
record DashboardAsset(String path, byte[] body, String contentType, String etag) {

    static DashboardAsset of(String path, byte[] body) {
        return new DashboardAsset(path, body, contentTypeOf(path), etagOf(body));
    }

    /** The media type by extension; a file the dashboard has no business serving has none. */
    static String contentTypeOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String extension = lower.substring(lower.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "json" -> "application/json; charset=utf-8";
            default -> null;
        };
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
