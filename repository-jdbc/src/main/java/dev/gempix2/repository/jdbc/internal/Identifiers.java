package dev.gempix2.repository.jdbc.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The names the repository puts into SQL or into the table: the table's, and this instance's. */
public final class Identifiers {
    private static final Pattern TABLE_NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,50}(\\.[A-Za-z_][A-Za-z0-9_]{0,50})?");

    private Identifiers() {
    }

    /**
     * @param tableName a proposed table name
     * @return it, when it is an identifier (optionally schema-qualified) that is safe to put into SQL
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static String tableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName must be an SQL identifier (letters, digits, '_', "
                    + "optionally schema.table), got " + (tableName == null ? "null" : "'" + tableName + "'"));
        }
        return tableName;
    }

    /**
     * @param instanceId a proposed instance id
     * @return it, when it is 1 to 200 characters on one line
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static String instanceId(String instanceId) {
        if (instanceId == null || instanceId.isBlank() || instanceId.length() > 200 || instanceId.contains("\n")) {
            throw new IllegalArgumentException("instanceId must be 1 to 200 characters on one line, got "
                    + (instanceId == null ? "null" : "'" + instanceId + "'"));
        }
        return instanceId;
    }

    /** @return the host name and a random suffix, e.g. {@code web-7f-3a9c01d2} */
    public static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException unknown) {
            host = "instance";
        }
        return host + "-" + HexFormat.of().formatHex(ByteBuffer.allocate(4).putInt(new SecureRandom().nextInt()).array());
    }
}
