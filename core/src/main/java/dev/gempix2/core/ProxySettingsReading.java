package dev.gempix2.core;

import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.internal.SettingKey;
import dev.gempix2.core.internal.SettingKeys;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The proxy part of {@link SettingsReading}: {@code gempix2.proxy.*} when its URL is set, else (for the
 * environment and the command line) {@code HTTPS_PROXY} / {@code HTTP_PROXY} / {@code NO_PROXY}, with the
 * {@code gempix2.proxy.*} user, password and hosts applied on top. Never shows a password or the URL's user info.
 */
final class ProxySettingsReading {

    private ProxySettingsReading() {
    }

    static void read(Function<SettingKey, SettingsReading.Raw> find, Map<String, String> conventional,
                     GemPix2Settings.Builder builder) {
        SettingsReading.Raw url = find.apply(SettingKeys.PROXY_URL);
        SettingsReading.Raw user = find.apply(SettingKeys.PROXY_USERNAME);
        SettingsReading.Raw password = find.apply(SettingKeys.PROXY_PASSWORD);
        SettingsReading.Raw hosts = find.apply(SettingKeys.PROXY_NON_PROXY_HOSTS);
        ProxySettings proxy = url != null ? configured(url)
                : conventional(conventional, builder.build().baseUrl()).orElse(null);
        if (proxy == null) {
            SettingsReading.Raw stray = user != null ? user : password != null ? password : hosts;
            if (stray != null) {
                throw new ConfigurationException(stray.name(), "is set, but no proxy is: set "
                        + sibling(stray.name(), SettingKeys.PROXY_USERNAME, SettingKeys.PROXY_URL)
                        + (conventional != null ? " or HTTPS_PROXY" : ""));
            }
            return;
        }
        if ((user == null) != (password == null)) {
            SettingsReading.Raw given = user != null ? user : password;
            SettingKey missing = user != null ? SettingKeys.PROXY_PASSWORD : SettingKeys.PROXY_USERNAME;
            SettingKey present = user != null ? SettingKeys.PROXY_USERNAME : SettingKeys.PROXY_PASSWORD;
            throw new ConfigurationException(given.name(), "needs " + sibling(given.name(), present, missing)
                    + " too: the proxy's user and password go together");
        }
        try {
            if (user != null) {
                proxy = proxy.withCredentials(user.text(), password.text());
            }
        } catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage();
            SettingsReading.Raw culprit = message.contains("password") ? password : user;
            throw new ConfigurationException(culprit.name(), message.replaceFirst("^proxy (username|password) ", ""));
        }
        if (hosts != null) {
            try {
                proxy = proxy.withNonProxyHosts(Arrays.stream(hosts.text().split(","))
                        .map(String::strip).filter(host -> !host.isEmpty()).toList());
            } catch (IllegalArgumentException invalid) {
                throw new ConfigurationException(hosts.name(), "is not usable: " + invalid.getMessage());
            }
        }
        builder.http.proxy(proxy);
    }

    private static ProxySettings configured(SettingsReading.Raw url) {
        try {
            return ProxySettings.of(new URI(url.text()));
        } catch (java.net.URISyntaxException | IllegalArgumentException invalid) {
            // The text may hold user info with a password: it is never shown.
            throw new ConfigurationException(url.name(), "must be an http URL such as http://proxy.local:3128 "
                    + "(no user info: give the user and password as their own settings)");
        }
    }

    private static Optional<ProxySettings> conventional(Map<String, String> environment, URI target) {
        if (environment == null) {
            return Optional.empty();
        }
        try {
            return ProxySettings.fromEnvironment(environment, target);
        } catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage();
            int space = message.indexOf(' ');
            return Optional.of(failed(message.substring(0, space), message.substring(space + 1)));
        }
    }

    private static ProxySettings failed(String name, String problem) {
        throw new ConfigurationException(name, problem);
    }

    /** The name of {@code wanted} in the spelling of {@code name}, which is {@code known} in some spelling. */
    private static String sibling(String name, SettingKey known, SettingKey wanted) {
        for (SettingKey key : List.of(known, wanted, SettingKeys.PROXY_USERNAME, SettingKeys.PROXY_PASSWORD,
                SettingKeys.PROXY_NON_PROXY_HOSTS)) {
            if (name.equals(key.environmentVariable())) {
                return wanted.environmentVariable();
            }
        }
        return wanted.key();
    }
}
