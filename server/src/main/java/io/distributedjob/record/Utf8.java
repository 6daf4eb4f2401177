package io.distributedjob.record;

/** Cuts text by its length in UTF-8, the unit the database columns count, without splitting a character. */
final class Utf8 {

    /** A UTF-16 unit encodes to at most 3 bytes (a surrogate pair to 4, i.e. 2 per unit). */
    private static final int MAX_BYTES_PER_UNIT = 3;

    private Utf8() {
    }

    /** {@code text} itself if it fits in {@code maxBytes}, otherwise its longest prefix that does. */
    static String cut(String text, int maxBytes) {
        if (text == null || (long) text.length() * MAX_BYTES_PER_UNIT <= maxBytes) {
            return text;
        }
        long bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > maxBytes) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }
}
