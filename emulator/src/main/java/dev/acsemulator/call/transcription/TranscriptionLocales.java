package dev.acsemulator.call.transcription;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The locales real-time transcription accepts: the speech-to-text locales of Azure AI Speech ("Language and voice
 * support for the Speech service", speech-to-text table), which Call Automation transcription runs on
 * (docs/side-channels.md B1). Matched without regard to case, as the service's own example sends {@code en-us}.
 */
public final class TranscriptionLocales {

    /** The locale of a transcription whose options and request name none (the SDKs' samples use it). */
    public static final String DEFAULT = "en-US";

    private static final TreeMap<String, String> BY_LOWER_CASE = new TreeMap<>();

    static {
        for (String locale : Set.of(
                "af-ZA", "am-ET", "ar-AE", "ar-BH", "ar-DZ", "ar-EG", "ar-IL", "ar-IQ", "ar-JO", "ar-KW", "ar-LB",
                "ar-LY", "ar-MA", "ar-OM", "ar-PS", "ar-QA", "ar-SA", "ar-SY", "ar-TN", "ar-YE", "az-AZ", "bg-BG",
                "bn-IN", "bs-BA", "ca-ES", "cs-CZ", "cy-GB", "da-DK", "de-AT", "de-CH", "de-DE", "el-GR", "en-AU",
                "en-CA", "en-GB", "en-GH", "en-HK", "en-IE", "en-IN", "en-KE", "en-NG", "en-NZ", "en-PH", "en-SG",
                "en-TZ", "en-US", "en-ZA", "es-AR", "es-BO", "es-CL", "es-CO", "es-CR", "es-CU", "es-DO", "es-EC",
                "es-ES", "es-GQ", "es-GT", "es-HN", "es-MX", "es-NI", "es-PA", "es-PE", "es-PR", "es-PY", "es-SV",
                "es-US", "es-UY", "es-VE", "et-EE", "eu-ES", "fa-IR", "fi-FI", "fil-PH", "fr-BE", "fr-CA", "fr-CH",
                "fr-FR", "ga-IE", "gl-ES", "gu-IN", "he-IL", "hi-IN", "hr-HR", "hu-HU", "hy-AM", "id-ID", "is-IS",
                "it-CH", "it-IT", "ja-JP", "jv-ID", "ka-GE", "kk-KZ", "km-KH", "kn-IN", "ko-KR", "lo-LA", "lt-LT",
                "lv-LV", "mk-MK", "ml-IN", "mn-MN", "mr-IN", "ms-MY", "mt-MT", "my-MM", "nb-NO", "ne-NP", "nl-BE",
                "nl-NL", "pa-IN", "pl-PL", "ps-AF", "pt-BR", "pt-PT", "ro-RO", "ru-RU", "si-LK", "sk-SK", "sl-SI",
                "so-SO", "sq-AL", "sr-RS", "sv-SE", "sw-KE", "sw-TZ", "ta-IN", "te-IN", "th-TH", "tr-TR", "uk-UA",
                "ur-IN", "uz-UZ", "vi-VN", "wuu-CN", "yue-CN", "zh-CN", "zh-CN-shandong", "zh-CN-sichuan", "zh-HK",
                "zh-TW", "zu-ZA")) {
            BY_LOWER_CASE.put(locale.toLowerCase(Locale.ROOT), locale);
        }
    }

    private TranscriptionLocales() {
    }

    /** The locale as the list spells it, if transcription supports it. */
    public static Optional<String> supported(String locale) {
        return locale == null ? Optional.empty()
                : Optional.ofNullable(BY_LOWER_CASE.get(locale.trim().toLowerCase(Locale.ROOT)));
    }
}
