package dev.gempix2.core.model;

/** Keeps untrusted text short and on one line before it goes into a message. */
final class Printable {
    private static final int LIMIT = 80;

    private Printable() {
    }

    static String truncate(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= LIMIT ? oneLine : oneLine.substring(0, LIMIT) + "…";
    }
}
