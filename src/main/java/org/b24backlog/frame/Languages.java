package org.b24backlog.frame;

import java.util.Locale;
import java.util.Set;

/** The interface languages the app has texts for; any other language falls back to English. */
public final class Languages {

    public static final String FALLBACK = "en";
    private static final Set<String> SUPPORTED = Set.of("en", "ru");

    private Languages() {
    }

    /** Picks the supported language for a portal's {@code LANG} value, such as {@code ru} or {@code en}. */
    public static String pick(String lang) {
        if (lang == null) {
            return FALLBACK;
        }
        String code = lang.trim().toLowerCase(Locale.ROOT);
        if (code.length() > 2) {
            code = code.substring(0, 2);
        }
        return SUPPORTED.contains(code) ? code : FALLBACK;
    }

    public static Locale locale(String lang) {
        return Locale.forLanguageTag(pick(lang));
    }
}
