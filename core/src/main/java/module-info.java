/**
 * GemPix2 for Java, core: the {@code GemPix2Client} facade, the domain model, the ports a transport or a task
 * store implements, and the errors. Depends on the JDK only.
 *
 * <p>The exported packages are the public API. {@code dev.gempix2.core.internal} is not exported: on the module
 * path nothing outside this module can import it (on the class path the package name says the same).
 * Transports are found with {@link java.util.ServiceLoader} as {@link dev.gempix2.core.port.ImageGeneratorProvider}s:
 * a modular transport declares {@code provides}, an automatic one its {@code META-INF/services} file.
 */
@SuppressWarnings("module") // "gempix2" ends in a digit: it is the product's name
module dev.gempix2.core {
    exports dev.gempix2.core;
    exports dev.gempix2.core.model;
    exports dev.gempix2.core.port;
    exports dev.gempix2.core.error;
    exports dev.gempix2.core.defaults;
    exports dev.gempix2.core.wire;

    uses dev.gempix2.core.port.ImageGeneratorProvider;
}
