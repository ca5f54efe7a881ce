/** An application module using GemPix2 from the module path, as a modular user's app would. */
module dev.gempix2.modularcheck.consumer {
    requires dev.gempix2.core;
    requires dev.gempix2.transport.httpclient5;
    requires dev.gempix2.testkit;
}
