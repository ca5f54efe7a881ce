package dev.gempix2.testkit;

/** How the fake hands out the images of a successful task; the provider does both. */
public enum ImageMode {
    /** {@code http://127.0.0.1:<port>/files/<task>/<n>.png}, PNG files the fake serves itself. */
    URL,
    /** {@code data:image/png;base64,...}, the PNG inline in the task. */
    DATA_URI
}
