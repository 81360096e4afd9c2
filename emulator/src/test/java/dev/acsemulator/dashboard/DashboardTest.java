package dev.acsemulator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.acsemulator.http.HttpResponseMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Dashboard dashboard = Dashboard.fromClassPath();

    @Test
    void thePageIsServedAtTheBarePathAndWithATrailingSlash() {
        for (String path : new String[] {"/dashboard", "/dashboard/", "/dashboard/index.html"}) {
            HttpResponseMessage page = dashboard.serve("GET", path, null);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.headers()).as(path).containsEntry("Content-Type", "text/html; charset=utf-8")
                    .containsEntry("Cache-Control", "no-cache").containsKey("ETag")
                    .containsEntry("Content-Security-Policy", Dashboard.CONTENT_SECURITY_POLICY);
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<script type=\"module\"");
        }
    }

    @Test
    void everyFileThePageLinksIsServedWithItsContentType() {
        String page = new String(dashboard.serve("GET", "/dashboard", null).body(), StandardCharsets.UTF_8);
        Matcher links = Pattern.compile("(?:src|href)=\"(/dashboard/[^\"]+)\"").matcher(page);
        int found = 0;
        while (links.find()) {
            found++;
            HttpResponseMessage asset = dashboard.serve("GET", links.group(1), null);
            assertThat(asset.status()).as(links.group(1)).isEqualTo(200);
            assertThat(asset.headers().get("Content-Type")).as(links.group(1))
                    .isEqualTo(DashboardAsset.contentTypeOf(links.group(1)));
        }
        assertThat(found).as("script, style sheet and icon").isEqualTo(3);
        assertThat(dashboard.serve("GET", "/dashboard/js/diagram.js", null).headers())
                .containsEntry("Content-Type", "text/javascript; charset=utf-8");
    }

    @Test
    void everyModuleImportedByAnotherIsThere() {
        Pattern imports = Pattern.compile("from '\\./([a-z]+\\.js)'");
        for (String path : DashboardAssets.fromClassPath().paths()) {
            if (path.endsWith(".js")) {
                String source = new String(dashboard.serve("GET", "/dashboard/" + path, null).body(),
                        StandardCharsets.UTF_8);
                Matcher imported = imports.matcher(source);
                while (imported.find()) {
                    assertThat(dashboard.serve("GET", "/dashboard/js/" + imported.group(1), null).status())
                            .as(path + " imports " + imported.group(1)).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void aBrowserWithTheCurrentCopyGetsNotModified() {
        String etag = dashboard.serve("GET", "/dashboard/css/dashboard.css", null).headers().get("ETag");

        HttpResponseMessage again = dashboard.serve("GET", "/dashboard/css/dashboard.css", etag);
        HttpResponseMessage stale = dashboard.serve("GET", "/dashboard/css/dashboard.css", "\"something-else\"");

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers()).containsEntry("ETag", etag);
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void anUnknownFileIsA404InTheControlApisErrorFormat() throws IOException {
        for (String path : new String[] {"/dashboard/nope.js", "/dashboard/../admin/calls", "/dashboard/js/%2e%2e/x",
                "/dashboard/js"}) {
            HttpResponseMessage missing = dashboard.serve("GET", path, null);
            assertThat(missing.status()).as(path).isEqualTo(404);
            JsonNode error = MAPPER.readTree(missing.body()).path("error");
            assertThat(error.path("code").asText()).as(path).isEqualTo("NotFound");
            assertThat(error.path("message").asText()).as(path).contains(path);
        }
    }

    @Test
    void onlyGetIsAllowed() throws IOException {
        HttpResponseMessage posted = dashboard.serve("POST", "/dashboard/index.html", null);

        assertThat(posted.status()).isEqualTo(405);
        assertThat(MAPPER.readTree(posted.body()).path("error").path("code").asText()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void theDashboardOwnsItsPathAndNothingThatMerelyStartsLikeIt() {
        assertThat(Dashboard.owns("/dashboard")).isTrue();
        assertThat(Dashboard.owns("/dashboard/js/app.js")).isTrue();
        assertThat(Dashboard.owns("/dashboards")).isFalse();
        assertThat(Dashboard.owns("/admin/dashboard")).isFalse();
    }
}
