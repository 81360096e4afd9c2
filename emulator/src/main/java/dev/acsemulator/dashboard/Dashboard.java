package dev.acsemulator.dashboard;

import dev.acsemulator.api.ApiErrors;
import dev.acsemulator.http.HttpResponseMessage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's static page at {@code /dashboard} and its files under {@code /dashboard/...}. The files hold no data:
 * the page reads everything from the control API with the bearer token its user types in, so they are served without
 * one. Each answer is revalidated by ETag ({@code Cache-Control: no-cache}), so a browser never keeps a page that a
 * newer emulator changed; an unknown file is a 404 in the control API's error format.
 */
public final class Dashboard {

    public static final String PATH = "/dashboard";

    /**
     * Scripts, styles, fetches and media from this origin only (no CDN: it works offline), audio and downloads from
     * blobs the page made, nothing framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    private final DashboardAssets assets;
    /** Told each time a file of the page is served: opening the page is a look at the activity. */
    private final Runnable opened;

    private Dashboard(DashboardAssets assets, Runnable opened) {
        this.assets = assets;
        this.opened = opened;
    }

    /** The dashboard as the emulator's jar carries it. */
    public static Dashboard fromClassPath() {
        return new Dashboard(DashboardAssets.fromClassPath(), () -> { });
    }

    /** This dashboard, telling {@code opened} each time it serves one of its files (the page is being opened). */
    public Dashboard whenOpened(Runnable opened) {
        return new Dashboard(assets, opened);
    }

    /** Whether a request path belongs to the dashboard. */
    public static boolean owns(String rawPath) {
        return rawPath.equals(PATH) || rawPath.startsWith(PATH + "/");
    }

    /**
     * The answer to a request for a dashboard path: the file, a 304 when the browser's copy is current, a 405 for
     * anything but GET, a 404 for a file the dashboard does not have.
     */
    public HttpResponseMessage serve(String method, String rawPath, String ifNoneMatch) {
        if (!method.equals("GET")) {
            return ApiErrors.render(ApiErrors.methodNotAllowed(method, rawPath));
        }
        String relative = rawPath.equals(PATH) || rawPath.equals(PATH + "/") ? "index.html"
                : rawPath.substring(PATH.length() + 1);
        Optional<DashboardAsset> found = relative.contains("..") || relative.contains("%") ? Optional.empty()
                : assets.find(relative);
        if (found.isEmpty()) {
            return ApiErrors.render(ApiErrors.adminNotFound("The dashboard has no file " + rawPath + "."));
        }
        DashboardAsset asset = found.get();
        opened.run();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", asset.etag());
        headers.put("Cache-Control", "no-cache");
        headers.put("X-Content-Type-Options", "nosniff");
        if (asset.etag().equals(ifNoneMatch)) {
            return new HttpResponseMessage(304, headers, new byte[0]);
        }
        headers.put("Content-Type", asset.contentType());
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        return new HttpResponseMessage(200, headers, asset.body());
    }
}
