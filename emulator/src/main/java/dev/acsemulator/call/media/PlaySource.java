package dev.acsemulator.call.media;

import java.net.URI;
import java.util.Objects;

/**
 * One audio source of a play (the REST spec's {@code PlaySource}): a WAV file at a URL, text for text-to-speech, or
 * an SSML document. {@code cacheId} is the request's {@code playSourceCacheId}, or null.
 */
public sealed interface PlaySource permits PlaySource.File, PlaySource.Text, PlaySource.Ssml {

    String cacheId();

    /** The spec's {@code PlaySourceType}: {@code file}, {@code text} or {@code ssml}. */
    String kind();

    /** What was played: the file's URL, the text, or the SSML document. */
    String content();

    record File(URI uri, String cacheId) implements PlaySource {
        public File {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public String kind() {
            return "file";
        }

        @Override
        public String content() {
            return uri.toString();
        }
    }

    record Text(String text, String sourceLocale, String voiceName, String cacheId) implements PlaySource {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kind() {
            return "text";
        }

        @Override
        public String content() {
            return text;
        }
    }

    record Ssml(String ssmlText, String cacheId) implements PlaySource {
        public Ssml {
            Objects.requireNonNull(ssmlText, "ssmlText");
        }

        @Override
        public String kind() {
            return "ssml";
        }

        @Override
        public String content() {
            return ssmlText;
        }
    }
}
